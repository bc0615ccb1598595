// The secret that lets a customer continue their own conversation: 256 random bits, handed out
// once; the store keeps only its SHA-256, and checks compare hashes in constant time.
import Crypto
import Foundation

/// Makes and checks conversation tokens.
enum ConversationToken {
    /// A new token: 32 random bytes as 64 hex digits.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<32).map { _ in hex(UInt8.random(in: .min ... .max, using: &generator)) }.joined()
    }

    /// The hex SHA-256 of `token`, as stored.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map(hex).joined()
    }

    /// Whether `token` hashes to `storedHash`, in time independent of where they differ.
    static func matches(_ token: String, storedHash: String) -> Bool {
        let given = Array(hash(token).utf8)
        let stored = Array(storedHash.utf8)
        guard given.count == stored.count else { return false }
        return zip(given, stored).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
