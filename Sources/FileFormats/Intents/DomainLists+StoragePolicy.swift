// The storage policy for a shop: personal data is redacted as always, but the shop's own
// support address and phone number (quoted in the bot's replies) are public and kept.
import ConversationStorage

extension DomainLists {
    /// The shop's public contact details from `_entities.yaml` (support e-mail and phone).
    public var publicContactDetails: [String] {
        guard let shop else { return [] }
        return [shop.email, shop.phone].filter { !$0.isEmpty }
    }

    /// The standard storage policy, keeping the shop's public contact details as written.
    public var storagePolicy: StoragePolicy {
        StoragePolicy(redactor: Redactor(publicValues: publicContactDetails))
    }
}
