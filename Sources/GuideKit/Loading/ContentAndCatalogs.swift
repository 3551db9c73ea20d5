/// A content folder's files and its catalogs, read and parsed as one list of files that the
/// threads share: the caller's other work first (a build's templates: the calling thread takes
/// it while the others start), then the catalogs, since each holds every string of the guide in
/// its language and is the largest file, then `links.yaml` and the section files. Loading the
/// two side by side, one thread each, left a thread idle once the section files were done and
/// the catalogs were not (the last third of the loading at S=1000, where the catalogs are
/// 10.6 MB and the section files 4 MB). Only `guide.yaml`, which lists the section files, is
/// read before.
enum ContentAndCatalogs {
    /// The content and the catalogs, and what `alongside` returns, which runs on one of the
    /// threads as they load: read after them, a build's templates kept the other thread waiting
    /// (half of loading the real guide).
    static func load<Other>(_ content: ContentLoader, _ catalogs: CatalogLoader, threads: Int,
                            alongside: () -> Other) -> (content: LoadResult, catalogs: CatalogLoadResult, other: Other) {
        let (result, catalogResults, other) = loadFiles(content, catalogs, threads: threads, alongside: alongside)
        return (result, catalogs.finish(catalogResults), other)
    }

    static func load(_ content: ContentLoader, _ catalogs: CatalogLoader, threads: Int) -> (content: LoadResult, catalogs: CatalogLoadResult) {
        let (content, catalogs, _) = load(content, catalogs, threads: threads) {}
        return (content, catalogs)
    }

    /// The content alone.
    static func load(_ content: ContentLoader, threads: Int) -> LoadResult {
        loadFiles(content, nil, threads: threads) {}.content
    }

    private static func loadFiles<Other>(_ content: ContentLoader, _ catalogs: CatalogLoader?, threads: Int,
                                         alongside: () -> Other) -> (content: LoadResult, catalogs: [CatalogLoader.CatalogResult], other: Other) {
        let start = content.begin()
        let catalogFiles = catalogs.map { loader in loader.names().map { File.catalog(loader, $0) } } ?? []
        let files = [.other] + catalogFiles + [.links] + start.sectionIDs.map(File.section)
        let loaded = Parallel.map(files, threads: threads) { file -> Loaded<Other> in
            switch file {
            case .catalog(let loader, let name): .catalog(loader.catalog(name))
            case .other: .other(alongside())
            case .links: .links(content.links())
            case .section(let reference): .section(content.section(reference))
            }
        }
        var catalogResults: [CatalogLoader.CatalogResult] = []
        var other: Other?
        var links: ContentLoader.LinksResult?
        var sectionResults: [ContentLoader.SectionResult] = []
        for result in loaded {
            switch result {
            case .catalog(let catalog): catalogResults.append(catalog)
            case .other(let value): other = value
            case .links(let read): links = read
            case .section(let section): sectionResults.append(section)
            }
        }
        return (content.finish(start, links: links!, sections: sectionResults), catalogResults, other!)
    }

    private enum File {
        case catalog(CatalogLoader, String)
        case other
        case links
        case section(Located<String>)
    }

    private enum Loaded<Other> {
        case catalog(CatalogLoader.CatalogResult)
        case other(Other)
        case links(ContentLoader.LinksResult)
        case section(ContentLoader.SectionResult)
    }
}
