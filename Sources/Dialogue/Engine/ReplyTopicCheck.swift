// Whether a generated reply is about the intent it was generated for: the cosine similarity of
// its TF-IDF n-gram vector with that intent's own template replies must be at least 0.1 and at
// least 0.6 of its similarity with the closest intent's templates. A small model sometimes writes a fluent reply of another intent ("I've sent a return
// order 48213377." for order status); the template is then the safer answer.
import FileFormats

/// Compares generated replies with the catalog's template replies, intent by intent.
package struct ReplyTopicCheck: Sendable {
    /// Below this cosine similarity with its own intent's templates a reply is about nothing.
    static let minimumSimilarity = 0.1
    /// Below this share of the closest intent's similarity it reads like that other intent.
    /// (Chosen on the demo model's replies to 96 intent examples: the wrong-intent replies
    /// scored 0.20–0.47 of the closest, "Order {order_id} ships tomorrow." 0.90.)
    static let minimumShareOfClosest = 0.6

    /// The templates of every intent, indexed like examples (nearest centroid over n-grams).
    private let templates: ExampleMatchingUnderstanding

    /// A check over `catalog`'s responses.
    package init(catalog: IntentCatalog) {
        let asExamples = catalog.intents.map { intent in
            IntentDefinition(name: intent.name, description: intent.description, examples: intent.responses,
                             responses: intent.responses, file: intent.file)
        }
        templates = ExampleMatchingUnderstanding(catalog: IntentCatalog(intents: asExamples, domain: catalog.domain))
    }

    /// Nil when `reply` reads as `intent`'s; else the intent whose templates it is closest to.
    package func offTopic(_ reply: String, intent: String) -> String? {
        let scores = templates.similarities(reply)
        guard let own = templates.intentNames.firstIndex(of: intent),
              let best = scores.indices.max(by: { scores[$0] < scores[$1] }) else { return nil }
        if scores[own] >= Self.minimumSimilarity && scores[own] >= Self.minimumShareOfClosest * scores[best] { return nil }
        return templates.intentNames[best]
    }
}
