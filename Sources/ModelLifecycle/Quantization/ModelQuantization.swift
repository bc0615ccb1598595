// `chatbot models quantize`: a registered version saved again with its matrices as int8 and one
// Float32 scale per row, as a new version (a copy of the folder, so the training record, the
// sentiment combiner and any encoder heads come along) whose parent is the source.
import ConversationStorage
import FileFormats
import Foundation
import LanguageModeling

/// Makes int8 versions of registered models.
public enum ModelQuantization {
    /// What `quantize` made.
    public struct Outcome: Sendable, Equatable {
        /// The new version's name.
        public var name: String
        /// Its folder.
        public var directory: URL
        /// The source's model.safetensors size in bytes.
        public var sourceBytes: Int
        /// The new model.safetensors size in bytes.
        public var quantizedBytes: Int

        /// How many times smaller the weights file became.
        public var ratio: Double { Double(sourceBytes) / Double(max(quantizedBytes, 1)) }
    }

    /// Saves version `name` of `registry` with int8 weights as a new version, registered as a
    /// candidate (active when `activate`) with `name` as its parent.
    public static func quantize(_ name: String, in registry: ModelRegistry, activate: Bool = false) throws -> Outcome {
        let source = try registry.version(named: name)
        let model = try ChatModel.load(from: source.directory)
        guard model.weightStorage == .float32 else {
            throw FileFormatError(.invalidData, file: source.directory.path, message: "version \"\(name)\" is already quantised")
        }
        let directory = registry.newVersionDirectory(architecture: model.config.architecture.rawValue + "-int8")
        do {
            try FileManager.default.createDirectory(at: registry.stagingRoot, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: source.directory, to: directory)
        } catch {
            throw FileFormatError(.io, file: directory.path, message: "cannot copy \(name): \(error.localizedDescription)")
        }
        model.weightStorage = .int8PerRow
        do {
            try model.save(to: directory)
        } catch {
            try? FileManager.default.removeItem(at: directory)
            throw error
        }
        let registered = try registry.register(newVersionAt: directory, status: activate ? .active : .candidate, parent: name,
                                               dataHash: source.dataHash ?? model.trainingDataHash,
                                               metricsJSON: TrainingPipeline.metricsJSON(model.metrics))
        let published = registry.root.appendingPathComponent(registered)
        return Outcome(name: registered, directory: published, sourceBytes: try weightsSize(source.directory),
                       quantizedBytes: try weightsSize(published))
    }

    /// The size of a folder's model.safetensors.
    static func weightsSize(_ directory: URL) throws -> Int {
        let url = directory.appendingPathComponent(ChatModel.CheckpointFile.weights)
        guard let size = try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int else {
            throw FileFormatError(.io, file: url.path, message: "cannot read the file's size")
        }
        return size
    }
}
