// Finds what customers ask that the model does not know yet (issue 14): the unlabelled customer
// turns of transcripts (files, or stored conversations exported as transcripts) that the
// understanding reads as out of scope or with low confidence are clustered (Ward over TF-IDF
// n-gram vectors, the number of clusters by silhouette unless given), and each cluster of at
// least `minimumSize` turns becomes a `DraftIntent`.
import ConversationStorage
import Dialogue
import FileFormats
import Foundation
import Primitives

/// Proposes draft intents from transcripts.
public struct IntentDiscovery {
    /// A customer turn the model did not know, and the agent's reply to it.
    public struct UnknownTurn: Hashable, Sendable {
        /// The customer's text as written.
        public var text: String
        /// The agent turn right after it, if any.
        public var reply: String?
        /// The transcript it comes from.
        public var conversation: String

        /// Creates an unknown turn.
        public init(text: String, reply: String?, conversation: String) {
            self.text = text
            self.reply = reply
            self.conversation = conversation
        }
    }

    /// What a discovery found.
    public struct Result: Sendable {
        /// Unlabelled customer turns read (those of fewer than two words left out).
        public var turnsRead = 0
        /// Of those, the ones the model did not know.
        public var unknownTurns = 0
        /// Distinct texts clustered.
        public var textsClustered = 0
        /// Clusters formed (before the size filter).
        public var clusters = 0
        /// The mean silhouette of the clustering (cosine), when it chose the number of clusters.
        public var silhouette: Double?
        /// Clusters of at least the minimum size, largest first.
        public var drafts: [DraftIntent] = []
    }

    /// Clusters smaller than this are not proposed (default 5).
    public var minimumSize = 5
    /// A turn read with less confidence than this counts as unknown even when in scope (nil: the model's own out-of-scope decision only).
    public var minimumConfidence: Double?
    /// A fixed number of clusters; nil chooses it by silhouette.
    public var clusterCount: Int?
    /// At most this many distinct texts are clustered (the matrix is n² floats; later ones are left out).
    public var maximumTexts = 6_000
    /// Names the drafts must not take (the model's intents).
    public var takenNames: Set<String> = []

    /// A discovery with the defaults.
    public init() {}

    /// The unlabelled customer turns of `transcripts` that `understanding` does not know; a turn
    /// carrying only the bot's own reading (`intent_source: predicted`, as stored conversations
    /// do) is unlabelled too.
    public func unknownTurns(in transcripts: [Transcript], understanding: any LanguageUnderstanding) throws -> (read: Int, unknown: [UnknownTurn]) {
        var read = 0
        var unknown: [UnknownTurn] = []
        for transcript in transcripts {
            for (index, turn) in transcript.turns.enumerated()
            where turn.role == .customer && (turn.intent == nil || turn.intentSource == .predicted) {
                // Slot answers ("48213377", "yes") say nothing about what was asked.
                guard Words.split(turn.text, keeping: Words.lettersAndApostrophes).count >= 2 else { continue }
                read += 1
                let reading = try understanding.analyse(turn.text, context: [])
                guard reading.isOutOfScope || minimumConfidence.map({ reading.confidence < $0 }) == true else { continue }
                let next = transcript.turns.indices.contains(index + 1) ? transcript.turns[index + 1] : nil
                unknown.append(UnknownTurn(text: turn.text, reply: next?.role == .agent ? next?.text : nil, conversation: transcript.id))
            }
        }
        return (read, unknown)
    }

    /// Clusters `turns` and returns the sizeable clusters as drafts (texts redacted by `redactor`).
    public func propose(_ turns: [UnknownTurn], redactor: Redactor = .standard) -> Result {
        var result = Result()
        result.unknownTurns = turns.count
        // Cluster distinct texts (case and spacing ignored); each keeps its turns.
        var order: [String] = []
        var members: [String: [UnknownTurn]] = [:]
        for turn in turns {
            let key = Words.split(turn.text, keeping: Words.nonWhitespace).joined(separator: " ")
            if members[key] == nil {
                guard order.count < maximumTexts else { continue }
                order.append(key)
            }
            members[key, default: []].append(turn)
        }
        result.textsClustered = order.count
        guard !order.isEmpty else { return result }
        let texts = order.compactMap { members[$0]?.first?.text }
        let clustering = IntentClustering.cluster(texts, clusters: clusterCount, minimumSize: minimumSize)
        let (labels, similarities) = (clustering.labels, clustering.similarities)
        result.silhouette = clustering.silhouette
        result.clusters = clustering.clusters
        let words = ClusterNaming.topWords(texts: texts, labels: labels)
        var taken = takenNames
        var drafts: [DraftIntent] = []
        for cluster in 0..<result.clusters {
            let items = labels.indices.filter { labels[$0] == cluster }
            let turnsOfCluster = items.flatMap { members[order[$0]] ?? [] }
            guard turnsOfCluster.count >= minimumSize else { continue }
            let name = ClusterNaming.name(words[cluster], taken: taken)
            taken.insert(name)
            drafts.append(DraftIntent(
                name: name, topWords: words[cluster],
                examples: Self.typicalFirst(items, similarities: similarities, count: texts.count).map { Self.draftText(texts[$0], redactor) },
                replies: Self.mostFrequent(turnsOfCluster.compactMap(\.reply).map { Self.draftText($0, redactor) }, limit: 3),
                turnCount: turnsOfCluster.count,
                conversations: Self.mostFrequent(turnsOfCluster.map(\.conversation), limit: .max, byCount: false)))
        }
        result.drafts = drafts.sorted { $0.turnCount != $1.turnCount ? $0.turnCount > $1.turnCount : $0.name < $1.name }
        return result
    }

    /// `text` redacted, its personal-data placeholders written `[email]` rather than `{email}`:
    /// intent examples are plain text, and a response's `{…}` would be read as a slot.
    static func draftText(_ text: String, _ redactor: Redactor) -> String {
        Redactor.Kind.allCases.reduce(redactor.redact(text)) {
            $0.replacingOccurrences(of: $1.placeholder, with: "[\($1.rawValue)]")
        }
    }

    /// `items` ordered by their mean similarity to the other items, highest first.
    static func typicalFirst(_ items: [Int], similarities: [Float], count n: Int) -> [Int] {
        let score = Dictionary(uniqueKeysWithValues: items.map { i in
            (i, items.reduce(Float(0)) { $0 + ($1 == i ? 0 : similarities[i * n + $1]) })
        })
        return items.sorted { (score[$0] ?? 0, $1) > (score[$1] ?? 0, $0) }
    }

    /// Distinct values, most frequent first (ties, or all when `byCount` is false, in first-seen order).
    static func mostFrequent(_ values: [String], limit: Int, byCount: Bool = true) -> [String] {
        var counts: [String: Int] = [:]
        var order: [String] = []
        for value in values {
            if counts[value] == nil { order.append(value) }
            counts[value, default: 0] += 1
        }
        let ranked = byCount ? order.enumerated().sorted { (counts[$0.element] ?? 0, -$0.offset) > (counts[$1.element] ?? 0, -$1.offset) }.map(\.element) : order
        return Array(ranked.prefix(limit))
    }
}
