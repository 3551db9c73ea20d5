import ArgumentParser
import Foundation
import GuideKit

/// `--templates DIR`: the folder overlaid on the built-in templates (and their chrome strings).
struct TemplateOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A folder of templates overlaid file by file on the built-in ones (default: Templates, if it exists).", valueName: "dir"))
    var templates: String?

    /// The built-in templates with the user's folder over them; throws (exit 2) when a folder is missing.
    func folders() throws -> TemplateFolders {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let builtin = TemplateFolders.repositoryTemplates
        guard fileManager.fileExists(atPath: builtin.url.appendingPathComponent("html").path) else {
            throw Failure("the built-in templates are missing (\(builtin.display)/ of the guidegen checkout): restore them")
        }
        var user: TemplateFolders.Folder?
        if let templates {
            guard fileManager.fileExists(atPath: templates, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw Failure("no templates folder at ‘\(templates)’: pass --templates DIR")
            }
            user = TemplateFolders.Folder(url: URL(fileURLWithPath: templates), display: templates)
        } else if fileManager.fileExists(atPath: "Templates", isDirectory: &isDirectory), isDirectory.boolValue {
            user = TemplateFolders.Folder(url: URL(fileURLWithPath: "Templates"), display: "Templates")
        }
        return TemplateFolders(builtin: builtin, user: user)
    }
}
