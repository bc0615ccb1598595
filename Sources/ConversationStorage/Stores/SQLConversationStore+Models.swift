// Model versions in the shared SQL store: register, read, activate (at most one active,
// enforced by a partial unique index), retire and delete.
import Foundation

extension SQLConversationStore {
    public func saveModelVersion(_ version: ModelVersion) throws(StorageError) {
        let metrics = try policy.cleaned(version.metricsJSON, field: "model metrics")
        try write { (db) throws(StorageError) in
            if version.status == .active {
                try db.execute("UPDATE model_versions SET status = 'retired' WHERE status = 'active' AND id <> $1",
                               [.text(version.id)])
            }
            try db.execute("""
                INSERT INTO model_versions (\(Self.modelVersionColumns)) VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, path = excluded.path,
                    metrics = excluded.metrics, status = excluded.status, data_hash = excluded.data_hash
                """, [.text(version.id), .optional(version.parentID), .integer(version.createdAt.microseconds),
                      .text(version.path), .text(metrics), .text(version.status.rawValue), .optional(version.dataHash)])
        }
    }

    public func modelVersion(id: String) throws(StorageError) -> ModelVersion? {
        try withDatabase { (db) throws(StorageError) in
            try db.query("SELECT \(Self.modelVersionColumns) FROM model_versions WHERE id = $1", [.text(id)])
                .decoded(Self.modelVersion).first
        }
    }

    public func modelVersions() throws(StorageError) -> [ModelVersion] {
        try withDatabase { (db) throws(StorageError) in
            try db.query("SELECT \(Self.modelVersionColumns) FROM model_versions ORDER BY created_at, id", [])
                .decoded(Self.modelVersion)
        }
    }

    public func activateModelVersion(id: String) throws(StorageError) {
        try write { (db) throws(StorageError) in
            guard try !db.query("SELECT id FROM model_versions WHERE id = $1", [.text(id)]).isEmpty else {
                throw .notFound("no model version '\(id)'")
            }
            try db.execute("UPDATE model_versions SET status = 'retired' WHERE status = 'active' AND id <> $1", [.text(id)])
            try db.execute("UPDATE model_versions SET status = 'active' WHERE id = $1", [.text(id)])
        }
    }

    public func setModelVersionStatus(id: String, status: ModelVersionStatus) throws(StorageError) {
        if status == .active { return try activateModelVersion(id: id) }
        let changed = try write { (db) throws(StorageError) in
            try db.execute("UPDATE model_versions SET status = $1 WHERE id = $2", [.text(status.rawValue), .text(id)])
        }
        guard changed == 1 else { throw .notFound("no model version '\(id)'") }
    }

    public func deleteModelVersion(id: String) throws(StorageError) {
        let changed = try write { (db) throws(StorageError) in
            try db.execute("DELETE FROM model_versions WHERE id = $1", [.text(id)])
        }
        guard changed == 1 else { throw .notFound("no model version '\(id)'") }
    }
}
