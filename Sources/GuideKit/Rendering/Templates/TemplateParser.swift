/// Compiles a Mustache template (https://github.com/mustache/spec, with the optional inheritance
/// module) into `TemplateNode`s, in three steps: the text is cut into tokens (text lines and
/// tags, following `{{=<% %>=}}` delimiter changes), standalone lines are found and trimmed, and
/// the tokens are nested into sections, parents and blocks. Partials and parents are resolved
/// by the caller as they are met (`resolve`), so a compiled tree never looks a name up again.
enum TemplateParser {
    /// A syntax error at a 1-based line and column (in Unicode scalars) of the template.
    struct SyntaxError: Error, Equatable {
        let message: String
        let line: Int
        let column: Int
    }

    /// Gives the table index of the partial or parent `name`, indented by `indentation` (the
    /// whitespace before a standalone tag); `offset` is where the tag starts, for errors.
    typealias Resolve = (_ name: String, _ indentation: String, _ offset: Int) throws -> Int

    /// A template cut into tokens with its standalone lines trimmed and its nesting checked,
    /// ready to compile; and the partials, parents and names its tags use, where they are.
    struct Scanned {
        fileprivate let tokens: [Token]
        fileprivate let scalars: [Unicode.Scalar]
        let references: [Reference]
    }

    /// A name a tag uses, at the tag's 1-based line and column.
    struct Reference: Equatable {
        enum Kind { case partial, parent, value }
        let kind: Kind
        let name: String
        let line: Int
        let column: Int
    }

    /// Reads `text` and checks its syntax.
    static func scan(_ text: String) throws -> Scanned {
        let scalars = Array(text.unicodeScalars)
        do {
            var tokens = try tokenize(scalars)
            markStandaloneLines(&tokens)
            _ = try nest(tokens) { _, _, _ in 0 }
            return Scanned(tokens: tokens, scalars: scalars, references: references(in: tokens, scalars: scalars))
        } catch let error as PositionedError {
            throw syntaxError(error, in: scalars)
        }
    }

    /// The compiled tree of a scanned template.
    static func compile(_ scanned: Scanned, resolve: Resolve) throws -> [TemplateNode] {
        do {
            return try nest(scanned.tokens, resolve: resolve)
        } catch let error as PositionedError {
            throw syntaxError(error, in: scanned.scalars)
        }
    }

    private static func syntaxError(_ error: PositionedError, in scalars: [Unicode.Scalar]) -> SyntaxError {
        let (line, column) = position(of: error.offset, in: scalars)
        return SyntaxError(message: error.message, line: line, column: column)
    }

    /// Partial, parent, variable and section tags (not closing tags: they repeat their section's name).
    private static func references(in tokens: [Token], scalars: [Unicode.Scalar]) -> [Reference] {
        var result: [Reference] = []
        var line = 1, column = 1, scanned = 0
        for token in tokens {
            let kind: Reference.Kind
            switch token.kind {
            case .partial: kind = .partial
            case .parent: kind = .parent
            case .variable, .section, .inverted: kind = .value
            default: continue
            }
            // Offsets only grow, so each scalar is counted once.
            while scanned < token.offset {
                if scalars[scanned] == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                scanned += 1
            }
            result.append(Reference(kind: kind, name: token.content, line: line, column: column))
        }
        return result
    }

    /// `text` with `indentation` before each line, for a standalone partial or parent tag: the
    /// spec indents the template's own lines, not the lines of the values it prints.
    static func indent(_ text: String, by indentation: String) -> String {
        var result = ""
        var atLineStart = true
        for character in text.unicodeScalars {
            if atLineStart { result += indentation }
            result.unicodeScalars.append(character)
            atLineStart = character == "\n"
        }
        return result
    }

    // MARK: Tokens

    fileprivate struct PositionedError: Error {
        let message: String
        let offset: Int
    }

    fileprivate struct Token {
        enum Kind { case text, variable, section, inverted, close, comment, partial, parent, block, delimiters, pragma }
        var kind: Kind
        /// The text of a text token; the name of a tag.
        var content: String
        /// Where the token starts, and where a tag's name starts (in scalars).
        var offset: Int
        var nameOffset: Int
        /// Whitespace before the tag when only whitespace precedes it on its line.
        var lineIndentation: String?
        /// The tag stands alone on its line: the line's whitespace and line break are gone.
        var standalone = false

        var isText: Bool { kind == .text }
        /// Tags that may stand alone on a line, which then renders as nothing.
        var canStandAlone: Bool { kind != .text && kind != .variable }
        var isBlank: Bool { kind == .text && content.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" } }
        var endsLine: Bool { kind == .text && content.unicodeScalars.last == "\n" }
    }

    private static func tokenize(_ s: [Unicode.Scalar]) throws -> [Token] {
        var open: [Unicode.Scalar] = ["{", "{"]
        var close: [Unicode.Scalar] = ["}", "}"]
        var tokens: [Token] = []
        var index = 0
        var textStart = 0

        func matches(_ delimiter: [Unicode.Scalar], at position: Int) -> Bool {
            guard position + delimiter.count <= s.count else { return false }
            for (offset, scalar) in delimiter.enumerated() where s[position + offset] != scalar { return false }
            return true
        }
        func find(_ delimiter: [Unicode.Scalar], from start: Int) -> Int? {
            var position = start
            let first = delimiter[0]
            while position + delimiter.count <= s.count {
                if s[position] == first, matches(delimiter, at: position) { return position }
                position += 1
            }
            return nil
        }
        /// Text tokens of `s[textStart..<end]`, one per line (each but the last ends with its line feed).
        func flushText(to end: Int) {
            var start = textStart
            for position in textStart..<end where s[position] == "\n" {
                tokens.append(Token(kind: .text, content: string(s[start...position]), offset: start, nameOffset: start))
                start = position + 1
            }
            if start < end { tokens.append(Token(kind: .text, content: string(s[start..<end]), offset: start, nameOffset: start)) }
        }

        while index < s.count {
            // Most scalars are not the delimiter's first: one compare before the full match.
            guard s[index] == open[0], matches(open, at: index) else {
                index += 1
                continue
            }
            flushText(to: index)
            let tagStart = index
            var contentStart = index + open.count
            var closing = close
            var sigil: Unicode.Scalar? = contentStart < s.count ? s[contentStart] : nil
            if sigil == "{" { closing = ["}"] + close }  // {{{name}}}
            if let current = sigil, "!#^/>&<$=%{".unicodeScalars.contains(current) {
                contentStart += 1
            } else {
                sigil = nil
            }
            let delimiterText = string(open[...]) + "…" + string(close[...])
            guard let contentEnd = find(closing, from: contentStart) else {
                throw PositionedError(message: "this tag is not closed: end it with ‘\(string(closing[...]))’ (tags are \(delimiterText))", offset: tagStart)
            }
            index = contentEnd + closing.count
            textStart = index
            let content = s[contentStart..<contentEnd]

            switch sigil {
            case "!":
                tokens.append(Token(kind: .comment, content: "", offset: tagStart, nameOffset: contentStart))
            case "%":
                // Pragmas (`{{% CONTENT_TYPE: TEXT}}`) change nothing: guidegen never escapes.
                tokens.append(Token(kind: .pragma, content: "", offset: tagStart, nameOffset: contentStart))
            case "=":
                guard content.last == "=" else {
                    throw PositionedError(message: "a set-delimiter tag ends with ‘=\(string(close[...]))’, as in {{=<% %>=}}", offset: tagStart)
                }
                let parts = string(content.dropLast()).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
                    throw PositionedError(message: "a set-delimiter tag holds two delimiters without spaces or ‘=’ in them, as in {{=<% %>=}}", offset: tagStart)
                }
                open = Array(parts[0].unicodeScalars)
                close = Array(parts[1].unicodeScalars)
                tokens.append(Token(kind: .delimiters, content: "", offset: tagStart, nameOffset: contentStart))
            default:
                let kind: Token.Kind = switch sigil {
                case "#": .section
                case "^": .inverted
                case "/": .close
                case ">": .partial
                case "<": .parent
                case "$": .block
                default: .variable  // none, "&" or "{"
                }
                var nameStart = contentStart
                while nameStart < contentEnd, isSpace(s[nameStart]) { nameStart += 1 }
                var nameEnd = contentEnd
                while nameEnd > nameStart, isSpace(s[nameEnd - 1]) { nameEnd -= 1 }
                let name = string(s[nameStart..<nameEnd])
                guard !name.isEmpty else {
                    throw PositionedError(message: "this tag has no name", offset: tagStart)
                }
                guard !name.unicodeScalars.contains(where: isSpace) else {
                    throw PositionedError(message: "a name cannot contain spaces (‘\(name)’)", offset: nameStart)
                }
                // An empty part: a dot at either end or two together (split and a key path cost a
                // tenth of loading the templates, and Foundation's `contains("..")` as much again).
                if kind != .partial, kind != .parent, kind != .block, name != ".", name.hasPrefix(".") || name.hasSuffix(".") || hasTwoDotsTogether(name) {
                    throw PositionedError(message: "‘\(name)’ is not a name: write ‘.’ alone or names joined by single dots", offset: nameStart)
                }
                tokens.append(Token(kind: kind, content: name, offset: tagStart, nameOffset: nameStart))
            }
        }
        flushText(to: s.count)
        return tokens
    }

    static func hasTwoDotsTogether(_ name: String) -> Bool {
        var afterDot = false
        for byte in name.utf8 {
            if byte == UInt8(ascii: "."), afterDot { return true }
            afterDot = byte == UInt8(ascii: ".")
        }
        return false
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }

    /// The scalars as a string. Encoded to UTF-8 bytes first: appending scalar by scalar to a
    /// `String` was most of what compiling the templates cost. The bytes go into a temporary
    /// buffer rather than an array, whose allocation cost most of the rest.
    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: scalars.count * 4) { buffer in
            var count = 0
            for scalar in scalars {
                UTF8.encode(scalar) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[..<count]), as: UTF8.self)
        }
    }

    // MARK: Standalone lines

    /// A line holding only whitespace and one tag that can stand alone (a section, inverted
    /// section or close tag, a comment, partial, parent, block, set-delimiter or pragma tag)
    /// renders as nothing: its whitespace and line break go. A parent's tags need not be alone:
    /// `{{<parent}}{{/parent}}`, `{{<parent}}{{$block}}` and `{{/block}}{{/parent}}` on a line of
    /// their own stand alone too (the inheritance spec's "Standalone parent" and "Standalone
    /// block"). The whitespace before a standalone partial or parent indents its lines.
    private static func markStandaloneLines(_ tokens: inout [Token]) {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var openParents: [Bool] = []  // for each open section-like tag: is it a parent?
        var start = 0
        while start < tokens.count {
            var end = start
            while end < tokens.count, !tokens[end].endsLine { end += 1 }
            var line = Array(tokens[start..<min(end + 1, tokens.count)])
            start = end + 1

            // The whitespace before the line's first tag, when only whitespace precedes it.
            var leading = ""
            for index in line.indices {
                if line[index].isText {
                    guard line[index].isBlank, !line[index].endsLine else { break }
                    leading += line[index].content
                } else {
                    line[index].lineIndentation = leading
                    break
                }
            }

            let tags = line.filter { !$0.isText }
            var touchesParent = false
            for tag in tags {
                switch tag.kind {
                case .section, .inverted, .block: openParents.append(false)
                case .parent:
                    openParents.append(true)
                    touchesParent = true
                case .close:
                    if openParents.popLast() == true { touchesParent = true }
                default: break
                }
            }
            let standalone = !tags.isEmpty && line.allSatisfy { !$0.isText || $0.isBlank } && tags.allSatisfy(\.canStandAlone)
                && (tags.count == 1 || touchesParent)
            guard standalone else {
                result += line
                continue
            }
            for token in line where !token.isText {
                var tag = token
                tag.standalone = true
                tag.lineIndentation = leading
                result.append(tag)
            }
        }
        tokens = result
    }

    // MARK: Nesting

    private struct Frame {
        var tag: Token
        var nodes: [TemplateNode] = []
        /// A parent tag's overrides.
        var overrides: [String: TemplateBlock] = [:]
        /// A block's intrinsic indentation (see `TemplateBlock.indentation`).
        var indentation = ""
    }

    private static func nest(_ tokens: [Token], resolve: Resolve) throws -> [TemplateNode] {
        var stack = [Frame(tag: Token(kind: .section, content: "", offset: 0, nameOffset: 0))]
        for (index, token) in tokens.enumerated() {
            let insideParent = stack.count > 1 && stack[stack.count - 1].tag.kind == .parent
            if insideParent, ![.text, .comment, .delimiters, .pragma, .block, .close].contains(token.kind) {
                throw PositionedError(message: "only {{$block}} overrides may appear inside a {{<parent}} tag", offset: token.offset)
            }
            switch token.kind {
            case .text:
                guard !insideParent else { continue }
                if case .text(let previous) = stack[stack.count - 1].nodes.last {
                    stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(previous + token.content)
                } else {
                    stack[stack.count - 1].nodes.append(.text(token.content))
                }
            case .variable:
                stack[stack.count - 1].nodes.append(.variable(TemplateName(token.content)))
            case .comment, .delimiters, .pragma:
                continue
            case .partial:
                let index = try resolve(token.content, token.standalone ? token.lineIndentation ?? "" : "", token.offset)
                stack[stack.count - 1].nodes.append(.partial(index))
            case .section, .inverted, .parent:
                stack.append(Frame(tag: token))
            case .block:
                var frame = Frame(tag: token)
                // The whitespace starting the first line of content, when the tag stands alone.
                if token.standalone, index + 1 < tokens.count, tokens[index + 1].isText {
                    frame.indentation = String(String.UnicodeScalarView(tokens[index + 1].content.unicodeScalars.prefix { $0 == " " || $0 == "\t" }))
                }
                stack.append(frame)
            case .close:
                guard stack.count > 1 else {
                    throw PositionedError(message: "‘\(token.content)’ closes no section: remove it or open the section", offset: token.nameOffset)
                }
                let frame = stack.removeLast()
                guard frame.tag.content == token.content else {
                    throw PositionedError(message: "this closing tag does not match the section it closes", offset: token.nameOffset)
                }
                let name = TemplateName(frame.tag.content)
                switch frame.tag.kind {
                case .section:
                    stack[stack.count - 1].nodes.append(.section(name, frame.nodes))
                case .inverted:
                    stack[stack.count - 1].nodes.append(.inverted(name, frame.nodes))
                case .parent:
                    let index = try resolve(frame.tag.content, frame.tag.standalone ? frame.tag.lineIndentation ?? "" : "", frame.tag.offset)
                    stack[stack.count - 1].nodes.append(.parent(index, frame.overrides))
                default:  // .block
                    let block = TemplateBlock(nodes: frame.nodes, indentation: frame.indentation)
                    if stack.count > 1, stack[stack.count - 1].tag.kind == .parent {
                        stack[stack.count - 1].overrides[frame.tag.content] = block
                    } else {
                        let site = frame.tag.lineIndentation.map { whitespace in
                            // A standalone tag's content decides its indentation when it has any.
                            BlockSite(indentation: frame.tag.standalone && !frame.nodes.isEmpty ? frame.indentation : whitespace, standalone: frame.tag.standalone)
                        }
                        stack[stack.count - 1].nodes.append(.block(frame.tag.content, block, site: site))
                    }
                }
            }
        }
        guard stack.count == 1 else {
            let open = stack[stack.count - 1].tag
            throw PositionedError(message: "a section is not closed: add {{/\(open.content)}}", offset: open.nameOffset)
        }
        return stack[0].nodes
    }

    /// The 1-based line and column (in scalars) of a scalar offset.
    static func position(of offset: Int, in scalars: some Collection<Unicode.Scalar>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for scalar in scalars.prefix(offset) {
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
