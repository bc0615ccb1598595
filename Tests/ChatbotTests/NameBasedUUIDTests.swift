// Known-answer tests of the SHA-1 behind name-based UUIDs and of RFC 4122 version 5.
@testable import Chatbot
import Foundation
import Testing

private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

@Test func sha1MatchesFIPSVectors() {
    #expect(hex(SHA1.digest([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
    #expect(hex(SHA1.digest(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
    // 56 bytes: the length no longer fits the first block, so padding takes a second one.
    #expect(hex(SHA1.digest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)))
            == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
    #expect(hex(SHA1.digest([UInt8](repeating: 0x61, count: 1_000))) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
}

@Test func versionFiveUUIDsMatchTheKnownAnswer() {
    #expect(NameBasedUUID.v5("www.example.com", namespace: NameBasedUUID.dnsNamespace).uuidString.lowercased()
            == "2ed6657d-e927-568b-95e1-2665a8aea6a2")
    #expect(NameBasedUUID.v5("demo-0001") == NameBasedUUID.v5("demo-0001"))
    #expect(NameBasedUUID.v5("demo-0001") != NameBasedUUID.v5("demo-0002"))
    #expect(NameBasedUUID.v5("").uuidString.dropFirst(14).first == "5")
}
