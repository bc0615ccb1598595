// The analysed message as Unicode scalars with their string indices and a list of word tokens,
// built once per message so that every scanner works in linear time on plain arrays.

/// A message prepared for scanning.
struct EntityText {
    /// A word: a run of letters and digits, joined through single inner hyphens (`2-person`).
    struct Word {
        var start: Int
        var end: Int
        /// Lower-cased text.
        var lower: String
    }

    let scalars: [Unicode.Scalar]
    /// `indices[i]` is the string index of scalar `i`; `indices[count]` is the end index.
    let indices: [String.Index]
    let words: [Word]
    var count: Int { scalars.count }

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var indices: [String.Index] = []
        let view = text.unicodeScalars
        var index = view.startIndex
        while index < view.endIndex {
            scalars.append(view[index])
            indices.append(index)
            index = view.index(after: index)
        }
        indices.append(view.endIndex)
        self.scalars = scalars
        self.indices = indices
        self.words = Self.tokenize(scalars)
    }

    private static func tokenize(_ scalars: [Unicode.Scalar]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            while index < scalars.count {
                if isWordScalar(scalars[index]) {
                    index += 1
                } else if scalars[index] == "-", index + 1 < scalars.count, isWordScalar(scalars[index + 1]) {
                    index += 1
                } else {
                    break
                }
            }
            var lower = String.UnicodeScalarView()
            lower.append(contentsOf: scalars[start..<index])
            words.append(Word(start: start, end: index, lower: String(lower).lowercased()))
        }
        return words
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        isDigit(scalar) || scalar.properties.isAlphabetic
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    func isDigit(at index: Int) -> Bool { index >= 0 && index < count && Self.isDigit(scalars[index]) }

    func isWord(at index: Int) -> Bool { index >= 0 && index < count && Self.isWordScalar(scalars[index]) }

    /// No letter or digit directly before `index`.
    func boundaryBefore(_ index: Int) -> Bool { !isWord(at: index - 1) }

    /// No letter or digit at `index` (the first scalar after a match).
    func boundaryAfter(_ index: Int) -> Bool { !isWord(at: index) }

    /// Whether `scalars[index...]` starts with `ascii` ignoring ASCII case.
    func matches(_ ascii: String, at index: Int) -> Bool {
        var position = index
        for expected in ascii.unicodeScalars {
            guard position < count, Self.lowerASCII(scalars[position]) == expected else { return false }
            position += 1
        }
        return true
    }

    static func lowerASCII(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value + 32) ?? scalar : scalar
    }

    /// The digits of `start..<end` as a string (other scalars dropped).
    func digits(_ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        for index in start..<end where Self.isDigit(scalars[index]) { result.append(scalars[index]) }
        return String(result)
    }
}
