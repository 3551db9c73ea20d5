/// A content folder's section files and catalogs, read and parsed as one list of files that the
/// threads share: the catalogs first, since each holds every string of the guide in its
/// language and is the largest file, then the section files. Loading the two side by side, one
/// thread each, left a thread idle once the section files were done and the catalogs were not
/// (the last third of the loading at S=1000, where the catalogs are 10.6 MB and the section
/// files 4 MB).
enum ContentAndCatalogs {
    static func load(_ content: ContentLoader, _ catalogs: CatalogLoader, threads: Int) -> (content: LoadResult, catalogs: CatalogLoadResult) {
        let start = content.begin()
        let files = catalogs.names().map(File.catalog) + start.sectionIDs.map(File.section)
        let loaded = Parallel.map(files, threads: threads) { file -> Loaded in
            switch file {
            case .catalog(let name): .catalog(catalogs.catalog(name))
            case .section(let reference): .section(content.section(reference))
            }
        }
        var catalogResults: [CatalogLoader.CatalogResult] = []
        var sectionResults: [ContentLoader.SectionResult] = []
        for result in loaded {
            switch result {
            case .catalog(let catalog): catalogResults.append(catalog)
            case .section(let section): sectionResults.append(section)
            }
        }
        return (content.finish(start, sections: sectionResults), catalogs.finish(catalogResults))
    }

    private enum File {
        case catalog(String)
        case section(Located<String>)
    }

    private enum Loaded {
        case catalog(CatalogLoader.CatalogResult)
        case section(ContentLoader.SectionResult)
    }
}
