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
