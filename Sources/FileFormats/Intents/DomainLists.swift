// The shop's shared entity lists from `intents/_entities.yaml`: the product names a `{product}`
// slot can take, the shop's contact data and policies that replies may quote, and the topics
// the bot offers when it did not understand.

/// The demo shop's profile (the `shop` map of `_entities.yaml`).
public struct ShopProfile: Hashable, Sendable {
    /// Shop name, e.g. "Ridgeline Outfitters".
    public var name: String
    /// One-line description of the shop.
    public var description: String
    /// Opening hours by place (`customer_service`, `flagship_store`).
    public var openingHours: [String: String]
    /// Postal address of the store.
    public var storeAddress: String
    /// Customer-service e-mail address.
    public var email: String
    /// Customer-service phone number.
    public var phone: String
    /// Policies by key (`free_shipping_threshold`, `return_window_days`, …), values as written.
    public var policies: [String: String]

    /// Creates a shop profile.
    public init(
        name: String, description: String = "", openingHours: [String: String] = [:],
        storeAddress: String = "", email: String = "", phone: String = "", policies: [String: String] = [:]
    ) {
        self.name = name
        self.description = description
        self.openingHours = openingHours
        self.storeAddress = storeAddress
        self.email = email
        self.phone = phone
        self.policies = policies
    }
}

/// Domain lists shared by all intents (`intents/_entities.yaml`).
public struct DomainLists: Hashable, Sendable {
    /// Product names, as written in the file.
    public var products: [String]
    /// The shop's profile, if the file has a `shop` map.
    public var shop: ShopProfile?
    /// What the bot can help with, as a customer would say it ("orders", "your account"), in the
    /// file's order; empty when the file has no `topics` list.
    public var topics: [String]

    /// Creates domain lists.
    public init(products: [String] = [], shop: ShopProfile? = nil, topics: [String] = []) {
        self.products = products
        self.shop = shop
        self.topics = topics
    }
}
