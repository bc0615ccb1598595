// Typed access to a composed YAML tree that records a located problem instead of throwing, so
// one pass over a file reports every missing, extra or mistyped key.
import Yams

/// Reads typed values out of Yams nodes, collecting problems for one file.
struct YAMLNodeReader {
    /// The file name used in problems.
    let file: String
    /// Problems found so far.
    private(set) var problems: [FileFormatError.Problem] = []

    init(file: String) { self.file = file }

    mutating func report(_ message: String, at node: Node?) {
        problems.append(.init(file: file, line: node?.mark?.line, message: message))
    }

    mutating func report(_ message: String, line: Int?) {
        problems.append(.init(file: file, line: line, message: message))
    }

    /// The pairs of a mapping node with string keys; reports keys outside `allowed` and non-maps.
    mutating func mapping(_ node: Node, what: String, allowed: Set<String>? = nil) -> [(key: String, value: Node, line: Int?)]? {
        guard case .mapping(let map) = node else {
            report("\(what) must be a map, found \(Self.kindName(node))", at: node)
            return nil
        }
        var pairs: [(key: String, value: Node, line: Int?)] = []
        for (key, value) in map {
            guard case .scalar(let scalar) = key else {
                report("\(what) has a key that is not a string", at: key)
                continue
            }
            if let allowed, !allowed.contains(scalar.string) {
                report("unknown key \"\(scalar.string)\" in \(what) (allowed: \(allowed.sorted().joined(separator: ", ")))", at: key)
                continue
            }
            pairs.append((scalar.string, value, key.mark?.line))
        }
        return pairs
    }

    /// A scalar's text as written; reports nulls and collections. Plain `yes` or `12` stay text.
    mutating func string(_ node: Node, what: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report("\(what) must be a string, found \(Self.kindName(node))", at: node)
            return nil
        }
        if scalar.style == .plain, Self.nullSpellings.contains(scalar.string) {
            report("\(what) is empty", at: node)
            return nil
        }
        return scalar.string
    }

    /// A boolean (`true`/`false`); anything else is reported.
    mutating func bool(_ node: Node, what: String) -> Bool? {
        guard case .scalar(let scalar) = node, scalar.style == .plain,
              ["true", "false"].contains(scalar.string.lowercased()) else {
            report("\(what) must be true or false", at: node)
            return nil
        }
        return scalar.string.lowercased() == "true"
    }

    /// The items of a sequence node; reports other kinds.
    mutating func sequence(_ node: Node, what: String) -> [Node]? {
        guard case .sequence(let items) = node else {
            report("\(what) must be a list, found \(Self.kindName(node))", at: node)
            return nil
        }
        return Array(items)
    }

    static let nullSpellings: Set<String> = ["", "~", "null", "Null", "NULL"]

    static func kindName(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return scalar.style == .plain && nullSpellings.contains(scalar.string) ? "nothing" : "a single value"
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
