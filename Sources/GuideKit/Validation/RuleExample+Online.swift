extension RuleExample {
    /// An online rule's example: the base guide with its `1688-home` link at `url`, and the online
    /// check answered from `answers` (`CannedTransport`'s table). `triggers` marks the registry
    /// entry, and with `markUse` also the place that uses the link (where a note goes).
    static func online(_ expectation: Expectation, url: String = "https://1688.com", answers: String, markUse: Bool = false) -> RuleExample {
        let marker = expectation == .triggers ? "1️⃣" : ""
        let links = """
            links:
              1688-home:
                url: \(marker)\(url)
                service: "1688"
            """
        var files = [File(path: "links.yaml", text: links), File(path: CannedTransport.exampleFileName, text: answers)]
        if markUse {
            files.append(File(path: "sections/example.yaml",
                              text: baseSection.replacingOccurrences(of: "[1688.com](link:1688-home)", with: "[1688.com](2️⃣link:1688-home)")))
        }
        return RuleExample(expectation, files: files)
    }
}
