import Foundation

/// What `guidegen.yaml` in the content folder says about validation: rule severities and off
/// switches, and extensions of the lists rules use.
///
/// ```yaml
/// rules:
///   duplicate-step-text: off      # off | note | warning | error
///   english-text: error
/// allowedHosts:                   # hosts besides those of links.yaml
///   - help.example.com
/// currencies: [CNH]               # codes besides ISO 4217
/// ```
public struct ValidationConfiguration: Sendable {
    /// The file's name in the content folder.
    public static let fileName = "guidegen.yaml"

    /// What the configuration does with a rule.
    public enum RuleSetting: Sendable, Hashable {
        case off
        case severity(Severity)

        static let names = ["off", "note", "warning", "error"]

        init?(name: String) {
            if name == "off" {
                self = .off
            } else if let severity = Severity(rawValue: name) {
                self = .severity(severity)
            } else {
                return nil
            }
        }
    }

    public var rules: [String: RuleSetting]
    /// Hosts links may use besides the hosts of `links.yaml`, lower case, punycode for IDNs.
    public var allowedHosts: [Located<String>]
    /// Currency codes allowed besides ISO 4217 (e.g. `CNH`, the offshore yuan).
    public var currencies: [Located<String>]
    /// How `guidegen validate --online` checks links (the `online:` mapping).
    public var online = OnlineCheckOptions()

    public init(rules: [String: RuleSetting] = [:], allowedHosts: [Located<String>] = [], currencies: [Located<String>] = []) {
        self.rules = rules
        self.allowedHosts = allowedHosts
        self.currencies = currencies
    }

    public func isEnabled(_ ruleID: String) -> Bool { rules[ruleID] != .off }

    /// The severity a rule's findings get: the configured one, else the rule's default.
    public func severity(of ruleID: String, default defaultSeverity: Severity) -> Severity {
        if case .severity(let severity) = rules[ruleID] { return severity }
        return defaultSeverity
    }

    /// The result of reading `guidegen.yaml`: the configuration (empty when the file does not
    /// exist), the problems found in the file, and the file for reporters.
    public struct Loaded: Sendable {
        public var configuration: ValidationConfiguration
        public var diagnostics: [Diagnostic]
        public var file: SourceFile?
    }

    /// Reads `guidegen.yaml` in `contentDirectory` (named as the user named it) if it exists.
    /// `ruleIDs` are the ids the `rules` mapping may name.
    public static func load(contentDirectory: String, ruleIDs: [String]) -> Loaded {
        let display = displayPath(contentDirectory, fileName)
        let url = URL(fileURLWithPath: contentDirectory).appendingPathComponent(fileName)
        guard ConfinedFile.entryExists(url) else {
            return Loaded(configuration: ValidationConfiguration(), diagnostics: [], file: nil)
        }
        var diagnostics: [Diagnostic] = []
        guard let yaml = YAMLFile.read(url, displayPath: display, within: URL(fileURLWithPath: contentDirectory), diagnostics: &diagnostics) else {
            return Loaded(configuration: ValidationConfiguration(), diagnostics: diagnostics, file: nil)
        }
        guard let root = yaml.root else {
            return Loaded(configuration: ValidationConfiguration(), diagnostics: diagnostics, file: yaml.source)
        }
        var reader = NodeReader(file: yaml.source)
        let configuration = read(root, ruleIDs: ruleIDs, reader: &reader)
        return Loaded(configuration: configuration, diagnostics: (diagnostics + reader.diagnostics).sorted(), file: yaml.source)
    }

    /// Parses a configuration given as text, for tests and tools.
    public static func parse(_ text: String, displayPath: String = fileName, ruleIDs: [String]) -> Loaded {
        var diagnostics: [Diagnostic] = []
        guard let yaml = YAMLFile.parse(Data(text.utf8), displayPath: displayPath, diagnostics: &diagnostics), let root = yaml.root else {
            return Loaded(configuration: ValidationConfiguration(), diagnostics: diagnostics, file: nil)
        }
        var reader = NodeReader(file: yaml.source)
        let configuration = read(root, ruleIDs: ruleIDs, reader: &reader)
        return Loaded(configuration: configuration, diagnostics: (diagnostics + reader.diagnostics).sorted(), file: yaml.source)
    }

    private static func read(_ root: YAMLNode, ruleIDs: [String], reader: inout NodeReader) -> ValidationConfiguration {
        guard let fields = reader.fields(of: root, what: "configuration", known: ["rules", "allowedHosts", "currencies", "online"], required: []) else {
            return ValidationConfiguration()
        }
        var configuration = ValidationConfiguration()
        if let rulesNode = fields["rules"] {
            if case .mapping(let mapping) = rulesNode {
                for (keyNode, valueNode) in mapping {
                    guard let id = reader.string(keyNode, what: "rule id") else { continue }
                    guard ruleIDs.contains(id.value) else {
                        if let suggestion = closestMatch(to: id.value, in: ruleIDs) {
                            reader.report("unknown-rule", "no rule ‘\(id.value)’: did you mean ‘\(suggestion)’?", at: keyNode,
                                          fix: FixIt(length: id.value.unicodeScalars.count, replacement: suggestion))
                        } else {
                            reader.report("unknown-rule", "no rule ‘\(id.value)’: `guidegen rules` lists the rule ids", at: keyNode)
                        }
                        continue
                    }
                    // `off` is a YAML 1.1 boolean; the setting is read from the scalar as written.
                    guard case .scalar(let scalar) = valueNode, let setting = RuleSetting(name: scalar.string) else {
                        reader.report("invalid-value", "the setting of ‘\(id.value)’ must be one of \(RuleSetting.names.map { "‘\($0)’" }.joined(separator: ", "))", at: valueNode)
                        continue
                    }
                    configuration.rules[id.value] = setting
                }
            } else {
                reader.report("wrong-type", "expected ‘rules’ as a mapping of rule id → off, note, warning or error", at: rulesNode)
            }
        }
        for node in fields["allowedHosts"].map({ reader.items($0, what: "allowedHosts") }) ?? [] {
            guard let host = reader.string(node, what: "host") else { continue }
            if let fixed = hostOnly(host.value), fixed != host.value {
                reader.report("invalid-value", "‘\(host.value)’ is not a host name: write the host only, ‘\(fixed)’", at: node,
                              fix: FixIt(length: host.value.unicodeScalars.count, replacement: fixed))
            } else if !isHostName(host.value) {
                reader.report("invalid-value", "‘\(host.value)’ is not a host name: write lower-case labels separated by dots (punycode for international names)", at: node)
            } else {
                configuration.allowedHosts.append(host)
            }
        }
        for node in fields["currencies"].map({ reader.items($0, what: "currencies") }) ?? [] {
            guard let code = reader.string(node, what: "currency code") else { continue }
            guard code.value.unicodeScalars.count == 3, code.value.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) }) else {
                reader.report("invalid-value", "‘\(code.value)’ is not a currency code: write three upper-case letters", at: node)
                continue
            }
            configuration.currencies.append(code)
        }
        if let online = fields["online"] { configuration.online = readOnline(online, reader: &reader) }
        return configuration
    }

    /// The `online:` mapping: the link checker's limits, politeness, cache and exceptions.
    private static func readOnline(_ node: YAMLNode, reader: inout NodeReader) -> OnlineCheckOptions {
        var options = OnlineCheckOptions()
        let known = ["timeout", "deadline", "concurrency", "concurrencyPerHost", "hostInterval", "retries", "backoff",
                     "accept", "skip", "checkFragments", "cache", "cacheMaxAge", "contact"]
        guard let fields = reader.fields(of: node, what: "online settings", known: known, required: []) else { return options }
        func seconds(_ name: String, from lowest: Double = 0.001, _ apply: (Duration) -> Void) {
            if let value = fields[name].flatMap({ reader.number($0, what: name, range: lowest...86_400) }) { apply(.milliseconds(Int64(value * 1000))) }
        }
        func count(_ name: String, _ range: ClosedRange<Double>, _ apply: (Int) -> Void) {
            if let value = fields[name].flatMap({ reader.number($0, what: name, range: range, whole: true) }) { apply(Int(value)) }
        }
        seconds("timeout") { options.requestTimeout = $0 }
        seconds("deadline") { options.deadline = $0 }
        seconds("hostInterval", from: 0) { options.minimumHostInterval = $0 }
        seconds("backoff", from: 0) { options.backoffBase = $0 }
        count("concurrency", 1...64) { options.maxConcurrency = $0 }
        count("concurrencyPerHost", 1...16) { options.maxConcurrencyPerHost = $0 }
        count("retries", 0...10) { options.maxRetries = $0 }
        if let hours = fields["cacheMaxAge"].flatMap({ reader.number($0, what: "cacheMaxAge", range: 0...8760) }) {
            options.cacheMaxAge = .seconds(Int64(hours * 3600))
        }
        if let path = fields["cache"].flatMap({ reader.string($0, what: "cache") }) { options.cachePath = path.value }
        if let contact = fields["contact"].flatMap({ reader.string($0, what: "contact") }) {
            options.userAgent = OnlineCheckOptions.userAgent(contact: contact.value)
        }
        if let flag = fields["checkFragments"] {
            if case .scalar(let scalar) = flag, let value = scalar.bool {
                options.checkFragments = value
            } else {
                reader.report("wrong-type", "expected true or false for ‘checkFragments’", at: flag)
            }
        }
        for pattern in fields["skip"].map({ reader.items($0, what: "skip") }) ?? [] {
            guard let value = reader.string(pattern, what: "skip pattern") else { continue }
            if (try? Regex(value.value)) == nil {
                reader.report("invalid-value", "‘\(value.value)’ is not a valid regular expression: fix the pattern", at: pattern)
            } else {
                options.skipPatterns.append(value.value)
            }
        }
        if let accept = fields["accept"] {
            if case .mapping(let mapping) = accept {
                for (hostNode, codesNode) in mapping {
                    guard let host = reader.string(hostNode, what: "host") else { continue }
                    var codes = Set<Int>()
                    for codeNode in reader.items(codesNode, what: "status codes") {
                        if let code = reader.number(codeNode, what: "status code", range: 100...999, whole: true) { codes.insert(Int(code)) }
                    }
                    options.acceptedStatusCodes[host.value.lowercased()] = codes
                }
            } else {
                reader.report("wrong-type", "expected ‘accept’ as a mapping of host → list of status codes", at: accept)
            }
        }
        return options
    }

    /// The host of a value written as a URL (`https://help.example.com/x` → `help.example.com`).
    private static func hostOnly(_ value: String) -> String? {
        guard let reference = URIReference(value), let host = reference.host, !host.isEmpty else {
            let lowered = value.lowercased()
            return lowered != value && isHostName(lowered) ? lowered : nil
        }
        return host.lowercased()
    }

    static func isHostName(_ value: String) -> Bool {
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        }
    }
}
