import Foundation
@testable import GuideKit
import Testing

/// `ContentHasher` tells apart the inputs the caches must tell apart: a changed bit anywhere,
/// words moved between lanes, where one added piece ends and the next begins, and the length.
@Suite struct ContentHasherTests {
    private func hex(_ pieces: [[UInt8]]) -> String {
        var hasher = ContentHasher()
        for piece in pieces { piece.withUnsafeBytes { hasher.add($0) } }
        return hasher.hex
    }

    @Test func everyBitOfEveryByteCounts() {
        // 77 bytes: two 32-byte blocks, a word after them and a partial word.
        let bytes = (0..<77).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var seen: Set<String> = [hex([bytes])]
        for index in bytes.indices {
            for bit in 0..<8 {
                var flipped = bytes
                flipped[index] ^= 1 << bit
                seen.insert(hex([flipped]))
            }
        }
        #expect(seen.count == 1 + 77 * 8)
    }

    @Test func wordsSwappedBetweenLanesDiffer() {
        let words = (0..<8).map { [UInt8](repeating: UInt8($0 + 1), count: 8) }
        var swapped = words
        swapped.swapAt(0, 1)
        var moved = words
        moved.swapAt(0, 4)
        let hashes = [words, swapped, moved].map { hex([$0.flatMap { $0 }]) }
        #expect(Set(hashes).count == 3)
    }

    @Test func wherePiecesEndAndTheLengthCount() {
        #expect(hex([Array("ab".utf8), Array("c".utf8)]) != hex([Array("a".utf8), Array("bc".utf8)]))
        #expect(hex([[]]) != hex([[0]]))
        #expect(hex([[]]) != hex([]))
        #expect(hex([[0], [0]]) != hex([[0, 0]]))
        #expect(hex([Array(repeating: 0, count: 32)]) != hex([Array(repeating: 0, count: 40)]))
    }

    @Test func theSameBytesGiveTheSameDigestWhateverHoldsThem() {
        let text = "Alipay hesabınızı açın ‘[支付宝](ui:zh-Hans)’"
        var fromString = ContentHasher()
        fromString.add(text)
        #expect(fromString.hex == ContentHasher.hex(of: Data(text.utf8)))
        #expect(fromString.hex == hex([Array(text.utf8)]))
        #expect(fromString.hex.count == 32 && fromString.hex.allSatisfy(\.isHexDigit))
    }
}
