// The Porter stemmer as NLTK runs it by default (its NLTK_EXTENSIONS mode), which rouge-score uses
// for ROUGE-L with `use_stemmer=True`: the published algorithm's steps 1a–5b plus NLTK's
// irregular forms and small departures. Works on lower-case ASCII letters and digits, the only
// tokens ROUGE's tokenizer keeps.

/// Stems lower-case ASCII words the way NLTK's `PorterStemmer()` does.
package enum PorterStemmer {
    private typealias Word = [UInt8]
    private typealias Rule = (suffix: String, replacement: String, condition: ((Word) -> Bool)?)

    /// NLTK's irregular forms, returned as they are listed.
    private static let irregular: [String: String] = [
        "skies": "sky", "sky": "sky", "dying": "die", "lying": "lie", "tying": "tie", "news": "news",
        "innings": "inning", "inning": "inning", "outings": "outing", "outing": "outing",
        "cannings": "canning", "canning": "canning", "howe": "howe", "proceed": "proceed",
        "exceed": "exceed", "succeed": "succeed",
    ]

    /// The stem of `word` (lower-case ASCII expected; other words come back unchanged).
    package static func stem(_ word: String) -> String {
        if let form = irregular[word] { return form }
        var w = Array(word.utf8)
        guard w.count > 2, w.allSatisfy({ $0 < 128 }) else { return word }
        w = step1a(w)
        w = step1b(w)
        w = apply(w, [("y", "i", { $0.count > 1 && isConsonant($0, $0.count - 1) })])
        w = step2(w)
        w = step3(w)
        w = step4(w)
        w = step5a(w)
        w = apply(w, [("ll", "l", { _ in measure(Array(w.dropLast())) > 1 })])
        return String(decoding: w, as: UTF8.self)
    }

    private static func isConsonant(_ w: Word, _ i: Int) -> Bool {
        switch w[i] {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"): return false
        case UInt8(ascii: "y"): return i == 0 ? true : !isConsonant(w, i - 1)
        default: return true
        }
    }

    /// m in [C](VC)^m[V].
    private static func measure(_ w: Word) -> Int {
        var count = 0
        var previousVowel = false
        for i in w.indices {
            let consonant = isConsonant(w, i)
            if consonant && previousVowel { count += 1 }
            previousVowel = !consonant
        }
        return count
    }

    private static func containsVowel(_ w: Word) -> Bool { w.indices.contains { !isConsonant(w, $0) } }

    private static func endsDoubleConsonant(_ w: Word) -> Bool {
        w.count >= 2 && w[w.count - 1] == w[w.count - 2] && isConsonant(w, w.count - 1)
    }

    private static func endsCVC(_ w: Word) -> Bool {
        let n = w.count
        if n >= 3 && isConsonant(w, n - 3) && !isConsonant(w, n - 2) && isConsonant(w, n - 1) {
            return ![UInt8(ascii: "w"), UInt8(ascii: "x"), UInt8(ascii: "y")].contains(w[n - 1])
        }
        return n == 2 && !isConsonant(w, 0) && isConsonant(w, 1)
    }

    private static func ends(_ w: Word, _ suffix: String) -> Bool {
        let s = Array(suffix.utf8)
        return w.count >= s.count && Array(w.suffix(s.count)) == s
    }

    private static func dropping(_ w: Word, _ suffix: String) -> Word { Array(w.dropLast(suffix.utf8.count)) }

    /// The first rule whose suffix `w` ends with decides: its replacement if the condition holds
    /// on the stem, else `w` unchanged. The suffix `*d` is a double consonant.
    private static func apply(_ w: Word, _ rules: [Rule]) -> Word {
        for rule in rules {
            if rule.suffix == "*d" {
                guard endsDoubleConsonant(w) else { continue }
                let stem = Array(w.dropLast(2))
                return rule.condition?(stem) ?? true ? stem + Array(rule.replacement.utf8) : w
            }
            guard ends(w, rule.suffix) else { continue }
            let stem = dropping(w, rule.suffix)
            return rule.condition?(stem) ?? true ? stem + Array(rule.replacement.utf8) : w
        }
        return w
    }

    private static func step1a(_ w: Word) -> Word {
        if ends(w, "ies") && w.count == 4 { return dropping(w, "ies") + Array("ie".utf8) }
        return apply(w, [("sses", "ss", nil), ("ies", "i", nil), ("ss", "ss", nil), ("s", "", nil)])
    }

    private static func step1b(_ w: Word) -> Word {
        if ends(w, "ied") { return dropping(w, "ied") + Array((w.count == 4 ? "ie" : "i").utf8) }
        if ends(w, "eed") {
            let stem = dropping(w, "eed")
            return measure(stem) > 0 ? stem + Array("ee".utf8) : w
        }
        guard let stem = ["ed", "ing"].lazy.filter({ ends(w, $0) }).map({ dropping(w, $0) }).first(where: containsVowel) else {
            return w
        }
        let last = stem.last.map { String(UnicodeScalar($0)) } ?? ""
        return apply(stem, [
            ("at", "ate", nil), ("bl", "ble", nil), ("iz", "ize", nil),
            ("*d", last, { _ in !["l", "s", "z"].contains(last) }),
            ("", "e", { measure($0) == 1 && endsCVC($0) }),
        ])
    }

    private static func step2(_ w: Word) -> Word {
        let positive: (Word) -> Bool = { measure($0) > 0 }
        if ends(w, "alli") && positive(dropping(w, "alli")) { return step2(dropping(w, "alli") + Array("al".utf8)) }
        return apply(w, [
            ("ational", "ate", positive), ("tional", "tion", positive), ("enci", "ence", positive),
            ("anci", "ance", positive), ("izer", "ize", positive), ("bli", "ble", positive), ("alli", "al", positive),
            ("entli", "ent", positive), ("eli", "e", positive), ("ousli", "ous", positive), ("ization", "ize", positive),
            ("ation", "ate", positive), ("ator", "ate", positive), ("alism", "al", positive), ("iveness", "ive", positive),
            ("fulness", "ful", positive), ("ousness", "ous", positive), ("aliti", "al", positive), ("iviti", "ive", positive),
            ("biliti", "ble", positive), ("fulli", "ful", positive), ("logi", "log", { _ in positive(Array(w.dropLast(3))) }),
        ])
    }

    private static func step3(_ w: Word) -> Word {
        let positive: (Word) -> Bool = { measure($0) > 0 }
        return apply(w, [("icate", "ic", positive), ("ative", "", positive), ("alize", "al", positive),
                         ("iciti", "ic", positive), ("ical", "ic", positive), ("ful", "", positive), ("ness", "", positive)])
    }

    private static func step4(_ w: Word) -> Word {
        let long: (Word) -> Bool = { measure($0) > 1 }
        let suffixes = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent"]
        let rest = ["ou", "ism", "ate", "iti", "ous", "ive", "ize"]
        let ion: Rule = ("ion", "", { long($0) && [UInt8(ascii: "s"), UInt8(ascii: "t")].contains($0.last ?? 0) })
        return apply(w, suffixes.map { ($0, "", long) } + [ion] + rest.map { ($0, "", long) })
    }

    private static func step5a(_ w: Word) -> Word {
        guard ends(w, "e") else { return w }
        let stem = dropping(w, "e")
        let m = measure(stem)
        return m > 1 || (m == 1 && !endsCVC(stem)) ? stem : w
    }
}
