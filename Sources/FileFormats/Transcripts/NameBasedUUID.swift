// RFC 4122 version-5 (name-based, SHA-1) UUIDs, so that importing the same transcript twice
// yields the same conversation, message and feedback ids and the store's idempotent writes
// store nothing new. SHA-1 is used as a fingerprint here, not for security.
import Crypto
import Foundation

/// Deterministic UUIDs derived from a namespace and a name.
public enum NameBasedUUID {
    /// The namespace of ids derived from transcript ids: a constant chosen once. Changing it would
    /// make re-imports of already imported files store everything a second time.
    public static let transcriptNamespace = UUID(uuid: (
        0x3d, 0x0f, 0x8b, 0x4e, 0x5a, 0x27, 0x5c, 0x41, 0x9e, 0x61, 0x2b, 0x7a, 0x10, 0xc4, 0x55, 0x93))

    /// The DNS namespace of RFC 4122 (for known-answer tests).
    public static let dnsNamespace = UUID(uuid: (
        0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8))

    /// The version-5 UUID of `name` (UTF-8) in `namespace`.
    public static func v5(_ name: String, namespace: UUID = transcriptNamespace) -> UUID {
        var bytes: [UInt8] = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        bytes += Array(name.utf8)
        var hash = Array(Insecure.SHA1.hash(data: bytes))
        hash[6] = (hash[6] & 0x0f) | 0x50  // version 5
        hash[8] = (hash[8] & 0x3f) | 0x80  // RFC 4122 variant
        return UUID(uuid: (hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7],
                           hash[8], hash[9], hash[10], hash[11], hash[12], hash[13], hash[14], hash[15]))
    }
}
