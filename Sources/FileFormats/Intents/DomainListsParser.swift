// Reads `intents/_entities.yaml` (products, the shop profile, topics) with the same located,
// collect-everything error reporting as the intent files.
import Yams

/// Parses and validates the shared entities file.
struct DomainListsParser {
    static func parse(yaml: String, file: String) -> (DomainLists?, [FileFormatError.Problem]) {
        var reader = YAMLNodeReader(file: file)
        guard let root = IntentFileParser.composeReporting(yaml: yaml, into: &reader),
              let pairs = reader.mapping(root, what: "the entities file", allowed: ["products", "shop", "topics"]) else {
            return (nil, reader.problems)
        }
        var lists = DomainLists()
        for pair in pairs {
            switch pair.key {
            case "products": lists.products = readProducts(pair.value, reader: &reader)
            case "topics": lists.topics = readTopics(pair.value, reader: &reader)
            default: lists.shop = readShop(pair.value, reader: &reader)
            }
        }
        return (lists, reader.problems)
    }

    private static func readProducts(_ node: Node, reader: inout YAMLNodeReader) -> [String] {
        guard let items = reader.sequence(node, what: "products") else { return [] }
        var products: [String] = []
        var seen: [String: Int] = [:]
        for item in items {
            guard let name = reader.string(item, what: "a product") else { continue }
            let key = IntentCatalog.normalisedExample(name)
            if let first = seen[key] {
                reader.report("duplicate product \"\(name)\" (also at line \(first))", at: item)
                continue
            }
            seen[key] = item.mark?.line ?? 0
            products.append(name)
        }
        return products
    }

    private static func readTopics(_ node: Node, reader: inout YAMLNodeReader) -> [String] {
        guard let items = reader.sequence(node, what: "topics") else { return [] }
        return items.compactMap { reader.string($0, what: "a topic") }
    }

    private static func readShop(_ node: Node, reader: inout YAMLNodeReader) -> ShopProfile? {
        let allowed: Set<String> = ["name", "description", "opening_hours", "store_address", "email", "phone", "policies"]
        guard let pairs = reader.mapping(node, what: "shop", allowed: allowed) else { return nil }
        var shop = ShopProfile(name: "")
        var hasName = false
        for pair in pairs {
            switch pair.key {
            case "opening_hours": shop.openingHours = stringMap(pair.value, what: "opening_hours", reader: &reader)
            case "policies": shop.policies = stringMap(pair.value, what: "policies", reader: &reader)
            default:
                guard let value = reader.string(pair.value, what: "shop \(pair.key)") else { continue }
                switch pair.key {
                case "name": shop.name = value; hasName = true
                case "description": shop.description = value
                case "store_address": shop.storeAddress = value
                case "email": shop.email = value
                default: shop.phone = value
                }
            }
        }
        if !hasName { reader.report("shop has no \"name\"", at: node) }
        return shop
    }

    private static func stringMap(_ node: Node, what: String, reader: inout YAMLNodeReader) -> [String: String] {
        guard let pairs = reader.mapping(node, what: what) else { return [:] }
        var map: [String: String] = [:]
        for pair in pairs {
            if let value = reader.string(pair.value, what: "\(what).\(pair.key)") { map[pair.key] = value }
        }
        return map
    }
}
