/// Decoding of Punycode (RFC 3492), the ASCII form of international domain labels (`xn--…`), so
/// a label that reads as a look-alike of an allowed host can be recognised.
enum Punycode {
    private static let base = 36, tMin = 1, tMax = 26, skew = 38, damp = 700, initialBias = 72, initialN = 128

    /// The host with every `xn--` label decoded; nil when a label is not valid Punycode.
    static func decodeHost(_ host: String) -> String? {
        var labels: [String] = []
        for label in host.split(separator: ".", omittingEmptySubsequences: false) {
            if label.lowercased().hasPrefix("xn--") {
                guard let decoded = decode(String(label.dropFirst(4))) else { return nil }
                labels.append(decoded)
            } else {
                labels.append(String(label))
            }
        }
        return labels.joined(separator: ".")
    }

    /// Decodes one label's Punycode (without the `xn--` prefix), RFC 3492 §6.2.
    static func decode(_ input: String) -> String? {
        let scalars = Array(input.unicodeScalars)
        guard scalars.allSatisfy(\.isASCII) else { return nil }
        var output: [UInt32] = []
        var position = 0
        if let delimiter = scalars.lastIndex(of: "-") {
            output = scalars[..<delimiter].map(\.value)
            position = delimiter + 1
        }
        var n = initialN, i = 0, bias = initialBias
        while position < scalars.count {
            let oldI = i
            var w = 1
            var k = base
            while true {
                guard position < scalars.count, let digit = digitValue(scalars[position]) else { return nil }
                position += 1
                let (product, overflow1) = digit.multipliedReportingOverflow(by: w)
                let (sum, overflow2) = i.addingReportingOverflow(product)
                guard !overflow1, !overflow2, sum <= Int(Int32.max) else { return nil }
                i = sum
                let t = k <= bias ? tMin : (k >= bias + tMax ? tMax : k - bias)
                if digit < t { break }
                let (weight, overflow3) = w.multipliedReportingOverflow(by: base - t)
                guard !overflow3, weight <= Int(Int32.max) else { return nil }
                w = weight
                k += base
            }
            bias = adapt(delta: i - oldI, count: output.count + 1, first: oldI == 0)
            n += i / (output.count + 1)
            i %= output.count + 1
            guard n <= 0x10FFFF else { return nil }
            output.insert(UInt32(n), at: i)
            i += 1
        }
        var result = String.UnicodeScalarView()
        for value in output {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            result.append(scalar)
        }
        return String(result)
    }

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar {
        case "a"..."z": Int(scalar.value - 97)
        case "A"..."Z": Int(scalar.value - 65)
        case "0"..."9": Int(scalar.value - 48) + 26
        default: nil
        }
    }

    private static func adapt(delta: Int, count: Int, first: Bool) -> Int {
        var delta = first ? delta / damp : delta / 2
        delta += delta / count
        var k = 0
        while delta > ((base - tMin) * tMax) / 2 {
            delta /= base - tMin
            k += base
        }
        return k + (base - tMin + 1) * delta / (delta + skew)
    }
}
