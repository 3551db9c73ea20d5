import Foundation
import GuideKit

// `guidegen-fuzz`: guidegen's libFuzzer targets (see `FuzzTargets`).
//
// Built normally (`swift build`), it replays inputs: `guidegen-fuzz TARGET FILE|FOLDER…` runs each
// file through the target and exits 1 if any broke a promise. Built with `-DFUZZING` and
// `-sanitize=fuzzer` (`make fuzz`), libFuzzer's own `main` drives `LLVMFuzzerTestOneInput`; the
// target is named by the environment variable GUIDEGEN_FUZZ_TARGET (loader or inline).

#if FUZZING
private let fuzzTarget: FuzzTargets.Target = {
    let name = ProcessInfo.processInfo.environment["GUIDEGEN_FUZZ_TARGET"] ?? "loader"
    guard let target = FuzzTargets.Target(rawValue: name) else { fatalError("GUIDEGEN_FUZZ_TARGET must be one of \(FuzzTargets.Target.allCases.map(\.rawValue))") }
    return target
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    let problems = FuzzTargets.run(fuzzTarget, data)
    if !problems.isEmpty { fatalError("broken promise:\n" + problems.joined(separator: "\n")) }
    return 0
}

/// libFuzzer's driver, for a `main` of our own.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's `main` to `<Module>_main`; here it hands over to libFuzzer.
@_cdecl("GuideFuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments = argv
    // Fixtures (a content folder, the built-in templates) are made once, before libFuzzer starts
    // counting allocations per input: otherwise the first input would seem to leak them.
    FuzzTargets.prepare(fuzzTarget)
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzTestOneInput)
}
#else
@main
struct GuideFuzz {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let name = arguments.first, let target = FuzzTargets.Target(rawValue: name), arguments.count > 1 else {
            FileHandle.standardError.write(Data("usage: guidegen-fuzz \(FuzzTargets.Target.allCases.map(\.rawValue).joined(separator: "|")) FILE|FOLDER…\n".utf8))
            exit(2)
        }
        var failed = 0, count = 0
        for path in arguments.dropFirst() {
            for file in files(at: path) {
                count += 1
                guard let data = FileManager.default.contents(atPath: file) else { continue }
                let problems = FuzzTargets.run(target, data)
                if !problems.isEmpty {
                    failed += 1
                    print("\(file):\n  " + problems.joined(separator: "\n  "))
                }
            }
        }
        print("guidegen-fuzz \(target.rawValue): \(count) inputs, \(failed) broke a promise")
        exit(failed == 0 ? 0 : 1)
    }

    static func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [path] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") }.map { path + "/" + $0 }
    }
}
#endif
