// The registry migration (2) on a database that has the first schema and model versions in it:
// the table is rebuilt (SQLite cannot change a CHECK in place) and every backend keeps the rows.
import ConversationStorage
import Foundation
import Testing

extension ConversationStoreConformance {
    /// Builds the first schema with two versions (a parent retired, its child active), opens a
    /// store (which applies the later migrations) and checks that the rows, their parent link
    /// and the one active version survived and that the new status and data hash work.
    public func checkRegistryMigrationKeepsTheFirstSchemasVersions() throws {
        let old = try fixture.openDatabase()
        try Migrations.apply(to: old, migrations: Array(Migrations.all.prefix(1)))
        _ = try old.execute("INSERT INTO model_versions (id, parent_id, created_at, path, metrics, status) VALUES ('a', NULL, 1, 'models/a', '{}', 'retired')", [])
        _ = try old.execute("INSERT INTO model_versions (id, parent_id, created_at, path, metrics, status) VALUES ('b', 'a', 2, 'models/b', '{\"accuracy\":0.9}', 'active')", [])
        let store = try fixture.makeStore()
        #expect(try store.appliedMigrations() == Array(1...Migrations.all.count))
        #expect(try store.modelVersions().map(\.id) == ["a", "b"])
        let child = try #require(try store.modelVersion(id: "b"))
        #expect(child.parentID == "a" && child.status == .active && child.metricsJSON == #"{"accuracy":0.9}"# && child.dataHash == nil)
        try store.setModelVersionStatus(id: "a", status: .rejected)
        #expect(try store.modelVersion(id: "a")?.status == .rejected)
        #expect(throws: StorageError.self) { try store.activateModelVersion(id: "missing") }
        try store.saveModelVersion(ModelVersion(id: "c", parentID: "b", createdAt: Date(timeIntervalSince1970: 3), path: "models/c",
                                                dataHash: "fnv1a:00ff", status: .candidate))
        try store.activateModelVersion(id: "c")
        #expect(try store.modelVersions().filter { $0.status == .active }.map(\.id) == ["c"], "one active version after the rebuild")
        #expect(try store.modelVersion(id: "c")?.dataHash == "fnv1a:00ff")
    }
}
