// A checkpoint folder under models/ as the registry lists it, with what the store's
// model_versions row says about it (`ModelVersion` is that row: a different thing).
import ConversationStorage
import Foundation

/// One trained model version in the registry: its folder, its status and its lineage.
public struct RegisteredModel: Hashable, Sendable {
    /// The folder name, e.g. `20261124-061500-transformer`.
    public var name: String
    /// The checkpoint folder.
    public var directory: URL
    /// Whether it is the active version.
    public var isActive: Bool
    /// Its status in model_versions (nil for a registry without a store).
    public var status: ModelVersionStatus?
    /// The version it was fine-tuned from.
    public var parent: String?
    /// A hash of the examples it was trained on.
    public var dataHash: String?
    /// When it was registered (nil without a store).
    public var createdAt: Date?
    /// Figures stored with it (a JSON object; `{}` when none).
    public var metricsJSON: String

    /// A version as listed.
    public init(name: String, directory: URL, isActive: Bool, status: ModelVersionStatus? = nil, parent: String? = nil,
                dataHash: String? = nil, createdAt: Date? = nil, metricsJSON: String = "{}") {
        self.name = name
        self.directory = directory
        self.isActive = isActive
        self.status = status
        self.parent = parent
        self.dataHash = dataHash
        self.createdAt = createdAt
        self.metricsJSON = metricsJSON
    }
}
