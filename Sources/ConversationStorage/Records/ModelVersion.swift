// A trained model registered with the store: where its files are, what it scored, and whether
// it is the one answering (at most one is active).
import Foundation

/// The life-cycle state of a model version.
public enum ModelVersionStatus: String, Codable, Sendable, CaseIterable {
    /// Trained, not (yet) answering.
    case candidate
    /// The version that answers (at most one).
    case active
    /// Refused by the regression gate.
    case rejected
    /// Answered once; replaced by another version.
    case retired
}

/// A stored model version.
public struct ModelVersion: Codable, Sendable, Equatable, Identifiable {
    /// A name chosen by the trainer, e.g. `v3` or a timestamp.
    public var id: String
    /// The version it was fine-tuned from.
    public var parentID: String?
    /// When it was registered.
    public var createdAt: Date
    /// The directory or file holding its weights.
    public var path: String
    /// A hash of the examples it was trained on (FNV-1a 64, hex), if known.
    public var dataHash: String?
    /// Evaluation figures as a JSON text.
    public var metricsJSON: String
    /// Candidate, active or retired.
    public var status: ModelVersionStatus

    /// A model version, a candidate by default.
    public init(id: String, parentID: String? = nil, createdAt: Date = Date(), path: String, dataHash: String? = nil,
                metricsJSON: String = "{}", status: ModelVersionStatus = .candidate) {
        self.id = id
        self.parentID = parentID
        self.createdAt = createdAt
        self.path = path
        self.dataHash = dataHash
        self.metricsJSON = metricsJSON
        self.status = status
    }

    enum CodingKeys: String, CodingKey {
        case id, path, status
        case parentID = "parent_id", createdAt = "created_at", dataHash = "data_hash", metricsJSON = "metrics"
    }
}
