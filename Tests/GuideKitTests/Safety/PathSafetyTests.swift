import Foundation
@testable import GuideKit
import Testing

@Suite struct PathSafetyTests {
    /// The control check on code points is the general category Cc, for every scalar.
    @Test func controlCharactersAreCategoryCc() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if PathSafety.isControl(scalar) != (scalar.properties.generalCategory == .control) {
                Issue.record("U+\(String(value, radix: 16, uppercase: true))")
            }
        }
    }

    /// Reserved device names, with and without an extension, in any case, with trailing spaces;
    /// and names that only look like them.
    @Test(arguments: [("con", true), ("CON", true), ("con.txt", true), ("con .txt", true), ("Con  ", true), ("nul.yaml", true), ("COM1.txt", true),
                      ("lpt9", true), ("conin$", true), ("conout$.x.y", true), ("aux.", true),
                      ("console", false), ("co", false), ("com10", false), (" con", false), ("c on", false), ("alipay-personal-account.html", false),
                      ("tr", false), ("html", false), ("İcon", false), ("con\u{301}", false), ("con\u{301}.x", false), ("", false), ("...", false)])
    func reservedNamesAreTold(name: String, reserved: Bool) {
        #expect(PathSafety.isReserved(name) == reserved, "\(name.debugDescription)")
    }
}

extension PathSafetyTests {
    /// A path is cut at every `/` byte, as the file system cuts it: a combining mark after a
    /// slash (one character with it) does not hide the name before it.
    @Test(arguments: [
        ("html/tr/index.html", nil), ("a/b/c", nil), ("a/\u{301}b", nil),
        ("../x", "leaves"), ("a/../x", "leaves"), ("../\u{301}x", "leaves"), ("a/./\u{301}", "leaves"),
        ("a//b", "empty"), ("a/", "empty"), ("/a", "absolute"), ("", "empty"), ("a/con/b", "reserves"), ("a:b/c", "colon"),
    ] as [(String, String?)])
    func pathsAreCutAtEverySlash(path: String, problem: String?) {
        let found = PathSafety.problem(relativePath: path)
        if let problem {
            #expect(found?.contains(problem) == true, "\(path.debugDescription): \(found ?? "nil")")
        } else {
            #expect(found == nil, "\(path.debugDescription): \(found ?? "")")
        }
    }
}
