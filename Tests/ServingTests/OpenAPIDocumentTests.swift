// docs/openapi.yaml describes exactly the server's routes: every path and method in the
// document is a route of the real router, and every route is in the document.
import Foundation
import HTTPTypes
import Hummingbird
import Serving
import Testing
import TestSupport
import Yams

@Test func theOpenAPIDocumentListsExactlyTheRoutes() throws {
    let url = TestFixtures.repositoryRoot.appendingPathComponent("docs/openapi.yaml")
    let document = try #require(try Yams.load(yaml: String(contentsOf: url, encoding: .utf8)) as? [String: Any])
    #expect((document["openapi"] as? String)?.hasPrefix("3.") == true)
    let paths = try #require(document["paths"] as? [String: Any])
    let methods = ["get", "post", "put", "patch", "delete", "options", "head"]
    var documented: Set<String> = []
    for (path, item) in paths {
        for method in methods where (item as? [String: Any])?[method] != nil {
            documented.insert("\(method.uppercased()) \(path)")
        }
    }
    let harness = try ServingHarness(fixture: try #require(try StoreFixture.make(.sqlite)))
    let routes = Set(harness.server.makeRouter().routes.map(\.description))
    #expect(routes.count >= 10)
    #expect(documented.subtracting(routes).isEmpty, "documented but not served: \(documented.subtracting(routes).sorted())")
    #expect(routes.subtracting(documented).isEmpty, "served but not documented: \(routes.subtracting(documented).sorted())")
}
