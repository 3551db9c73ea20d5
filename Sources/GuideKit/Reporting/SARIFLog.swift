/// The parts of SARIF 2.1.0 (OASIS) that guidegen writes, as typed values: every property
/// has the name and type the schema gives it, and optional ones are left out when nil.
public struct SARIFLog: Codable, Sendable, Hashable {
    public var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    public var version = "2.1.0"
    public var runs: [Run]

    enum CodingKeys: String, CodingKey {
        case schema = "$schema"
        case version, runs
    }

    public struct Run: Codable, Sendable, Hashable {
        public var tool: Tool
        public var invocations: [Invocation]
        public var originalUriBaseIds: [String: ArtifactLocation]?
        public var results: [Result]
        /// How columns are counted: guidegen counts Unicode scalars.
        public var columnKind: String
    }

    public struct Tool: Codable, Sendable, Hashable {
        public var driver: ToolComponent
    }

    public struct ToolComponent: Codable, Sendable, Hashable {
        public var name: String
        public var version: String
        public var semanticVersion: String
        public var rules: [ReportingDescriptor]
    }

    public struct ReportingDescriptor: Codable, Sendable, Hashable {
        public var id: String
        public var shortDescription: MultiformatMessageString
        public var fullDescription: MultiformatMessageString?
        public var help: MultiformatMessageString?
        public var defaultConfiguration: ReportingConfiguration
    }

    public struct ReportingConfiguration: Codable, Sendable, Hashable {
        public var enabled: Bool?
        public var level: Level
    }

    public struct MultiformatMessageString: Codable, Sendable, Hashable {
        public var text: String
        public var markdown: String?
    }

    public struct Message: Codable, Sendable, Hashable {
        public var text: String
    }

    public enum Level: String, Codable, Sendable, Hashable {
        case none, note, warning, error
    }

    public struct Invocation: Codable, Sendable, Hashable {
        public var executionSuccessful: Bool
        public var toolExecutionNotifications: [Notification]?
    }

    public struct Notification: Codable, Sendable, Hashable {
        public var descriptor: ReportingDescriptorReference?
        public var message: Message
        public var level: Level
        public var locations: [Location]?
    }

    public struct ReportingDescriptorReference: Codable, Sendable, Hashable {
        public var id: String
    }

    public struct Result: Codable, Sendable, Hashable {
        public var ruleId: String
        public var ruleIndex: Int
        public var level: Level
        public var message: Message
        public var locations: [Location]
        public var fixes: [Fix]?
    }

    public struct Location: Codable, Sendable, Hashable {
        public var physicalLocation: PhysicalLocation
    }

    public struct PhysicalLocation: Codable, Sendable, Hashable {
        public var artifactLocation: ArtifactLocation
        public var region: Region
    }

    public struct ArtifactLocation: Codable, Sendable, Hashable {
        public var uri: String?
        public var uriBaseId: String?
        public var description: Message?
    }

    public struct Region: Codable, Sendable, Hashable {
        public var startLine: Int
        public var startColumn: Int
        public var endColumn: Int?
    }

    public struct Fix: Codable, Sendable, Hashable {
        public var description: Message
        public var artifactChanges: [ArtifactChange]
    }

    public struct ArtifactChange: Codable, Sendable, Hashable {
        public var artifactLocation: ArtifactLocation
        public var replacements: [Replacement]
    }

    public struct Replacement: Codable, Sendable, Hashable {
        public var deletedRegion: Region
        public var insertedContent: ArtifactContent
    }

    public struct ArtifactContent: Codable, Sendable, Hashable {
        public var text: String
    }
}
