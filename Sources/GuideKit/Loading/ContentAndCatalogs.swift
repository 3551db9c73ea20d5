/// A content folder's files and its catalogs, read and parsed as one list of files that the
/// threads share: the catalogs first, since each holds every string of the guide in its
/// language and is the largest file, then `links.yaml` and the section files. Loading the two
/// side by side, one thread each, left a thread idle once the section files were done and the
/// catalogs were not (the last third of the loading at S=1000, where the catalogs are 10.6 MB
/// and the section files 4 MB). Only `guide.yaml`, which lists the section files, is read before.
enum ContentAndCatalogs {
    static func load(_ content: ContentLoader, _ catalogs: CatalogLoader, threads: Int) -> (content: LoadResult, catalogs: CatalogLoadResult) {
        let (result, catalogResults) = load(content, catalogs: catalogs.names(), catalogs.catalog, threads: threads)
        return (result, catalogs.finish(catalogResults))
    }

    /// The content alone.
    static func load(_ content: ContentLoader, threads: Int) -> LoadResult {
        load(content, catalogs: [], { _ in fatalError("no catalogs to read") }, threads: threads).content
    }

    private static func load(_ content: ContentLoader, catalogs names: [String], _ catalog: (String) -> CatalogLoader.CatalogResult,
                             threads: Int) -> (content: LoadResult, catalogs: [CatalogLoader.CatalogResult]) {
        let start = content.begin()
        let files = names.map(File.catalog) + [.links] + start.sectionIDs.map(File.section)
        let loaded = Parallel.map(files, threads: threads) { file -> Loaded in
            switch file {
            case .catalog(let name): .catalog(catalog(name))
            case .links: .links(content.links())
            case .section(let reference): .section(content.section(reference))
            }
        }
        var catalogResults: [CatalogLoader.CatalogResult] = []
        var links: ContentLoader.LinksResult?
        var sectionResults: [ContentLoader.SectionResult] = []
        for result in loaded {
            switch result {
            case .catalog(let catalog): catalogResults.append(catalog)
            case .links(let read): links = read
            case .section(let section): sectionResults.append(section)
            }
        }
        return (content.finish(start, links: links!, sections: sectionResults), catalogResults)
    }

    private enum File {
        case catalog(String)
        case links
        case section(Located<String>)
    }

    private enum Loaded {
        case catalog(CatalogLoader.CatalogResult)
        case links(ContentLoader.LinksResult)
        case section(ContentLoader.SectionResult)
    }
}
