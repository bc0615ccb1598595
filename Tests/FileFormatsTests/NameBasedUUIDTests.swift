// Known-answer tests of RFC 4122 version-5 (name-based) UUIDs.
import FileFormats
import Foundation
import Testing

@Test func versionFiveUUIDsMatchTheKnownAnswer() {
    #expect(NameBasedUUID.v5("www.example.com", namespace: NameBasedUUID.dnsNamespace).uuidString.lowercased()
            == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    #expect(NameBasedUUID.v5("demo-0001") == NameBasedUUID.v5("demo-0001"))
    #expect(NameBasedUUID.v5("demo-0001") != NameBasedUUID.v5("demo-0002"))
    #expect(NameBasedUUID.v5("").uuidString.dropFirst(14).first == "5")
}
