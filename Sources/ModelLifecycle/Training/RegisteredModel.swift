// A checkpoint folder under models/ as the registry lists it. (The conversation store's
// `ModelVersion` is the row of its model_versions table: a different thing.)
import Foundation

/// One trained model version in the registry: its folder and whether it is the active one.
public struct RegisteredModel: Hashable, Sendable {
    /// The folder name, e.g. `20261124-061500-transformer`.
    public var name: String
    /// The checkpoint folder.
    public var directory: URL
    /// Whether `ACTIVE` names it.
    public var isActive: Bool
}
