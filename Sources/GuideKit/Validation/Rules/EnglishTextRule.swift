/// Triggers, in Turkish text, on a sentence that reads as English: at least three words, at
/// least two of them common English words (one of them a function word such as `the`, `your`,
/// `to`), no Turkish letter and no Turkish function word (the seed's "Make the order on
/// 1688.com"). UI labels (`[Authorise 1688.com accounts](ui:en)`) and code are not prose, and
/// brand names (`World Pay`, `Cross-border treasure`) have no English function words.
public struct EnglishTextRule: SectionRule {
    public let id = "english-text"
    public let summary = "text in Turkish has no English sentence outside UI labels"
    public let defaultSeverity = Severity.warning

    public init() {}

    public var examples: [RuleExample] {
        [
            .triggers("""
                id: example
                label: "1"
                title: Örnek bölüm
                intro: 1️⃣Make the order on [1688.com](link:1688-home)
                steps:
                  - id: visit
                    kind: action
                    text: "[1688.com](link:1688-home)’u ziyaret edin. 2️⃣Then click on your basket."

                """),
            .passes("""
                id: example
                label: "1"
                title: Örnek bölüm
                intro: "[1688.com](link:1688-home) üzerinden sipariş oluşturun"
                steps:
                  - id: visit
                    kind: action
                    text: "‘[Authorise 1688.com accounts](ui:en)’a tıklayın ve World Pay ile ödeyin"
                    detail: "Ödeme yöntemi olarak ‘[Cross-border treasure](ui:en)’ı seçin. Para birimi secin ve onaylayin."

                """),
        ]
    }

    static let englishWords: Set<String> = [
        "the", "a", "an", "to", "of", "in", "on", "at", "by", "for", "from", "with", "and", "or", "your", "you", "our", "we",
        "is", "are", "be", "this", "that", "these", "those", "it", "its", "please", "click", "tap", "select", "make", "order",
        "open", "go", "enter", "here", "will", "can", "not", "if", "then", "now", "when", "how", "what", "why", "which", "all",
        "any", "more", "my", "me", "us", "into", "after", "before", "has", "have", "do", "does",
    ]
    static let functionWords: Set<String> = [
        "the", "an", "to", "of", "and", "is", "are", "with", "this", "that", "your", "you", "our", "my", "please", "will", "from", "for", "click",
    ]
    /// Turkish words written without Turkish letters, so their sentence is not mistaken for English.
    static let turkishWords: Set<String> = [
        "ve", "bir", "bu", "ile", "veya", "olarak", "sonra", "daha", "gibi", "kadar", "mi", "mu", "de", "da", "en", "her", "ya",
        "ama", "ancak", "hem", "ise", "ki", "sadece", "yeni", "icin", "ne", "nasil", "hangi", "once", "ayni", "var", "yok", "lutfen",
    ]

    public func check(_ parts: [Int?], in context: ValidationContext) -> [[Diagnostic]] {
        guard context.isTurkish else { return parts.map { _ in [] } }
        // Kept from text to text, as `scan` is: each array's storage is reused.
        var scan = VisibleText.Scan()
        var words: [TextScanning.WordSpan] = [], sentence: [TextScanning.WordSpan] = []
        return eachText(of: parts, in: context) { text, findings in
            text.visible.scan(including: \.isProse, into: &scan)
            let scalars = scan.scalars
            TextScanning.wordSpans(in: scalars, into: &words)
            sentence.removeAll(keepingCapacity: true)
            for word in words {
                sentence.append(word)
                if word.endsSentence {
                    if let start = Self.englishSentenceStart(sentence, in: scalars) { findings.append(report(text, scan.offset(at: start))) }
                    sentence.removeAll(keepingCapacity: true)
                }
            }
            if let start = Self.englishSentenceStart(sentence, in: scalars) { findings.append(report(text, scan.offset(at: start))) }
        }
    }

    /// `englishSentenceStart(_:)` of the words at `sentence`; their strings are made only for a
    /// sentence of three words or more without a Turkish letter, which few sentences are.
    static func englishSentenceStart(_ sentence: [TextScanning.WordSpan], in scalars: [Unicode.Scalar]) -> Int? {
        guard sentence.count >= 3, !sentence.contains(where: { scalars[$0.range].contains(where: TextScanning.isTurkishLetter) }) else { return nil }
        return englishSentenceStart(sentence.map {
            TextScanning.Word(text: TextScanning.string(scalars[$0.range]), start: $0.range.lowerBound, endsSentence: $0.endsSentence)
        })
    }

    private func report(_ text: ContentText, _ offset: Int) -> Diagnostic {
        finding("this sentence is English: write it in Turkish, or mark screen text as a UI label, [text](ui:en)", at: text.location(ofScalarOffset: offset))
    }

    /// The index of the sentence's first scalar when the sentence reads as English.
    static func englishSentenceStart(_ words: [TextScanning.Word]) -> Int? {
        guard words.count >= 3 else { return nil }
        // Checked before lowering the words' case: most sentences have a Turkish letter.
        if words.contains(where: { $0.text.unicodeScalars.contains(where: TextScanning.isTurkishLetter) }) { return nil }
        let lowered = words.map { $0.text.lowercased() }
        if lowered.contains(where: turkishWords.contains) { return nil }
        let english = lowered.filter(englishWords.contains)
        guard english.count >= 2, english.contains(where: functionWords.contains) else { return nil }
        return words.first?.start
    }
}
