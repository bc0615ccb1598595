// The API key of the team's endpoints: `Authorization: Bearer KEY`, compared in constant time.
// The key comes from a file or the environment (never a flag, which `ps` would show) and is
// never logged.
import Hummingbird

enum TeamKey {
    /// Throws `unauthorized` unless the request carries `key` (always, when there is no key).
    static func require(_ request: Request, key: String?) throws(ServingError) {
        guard let key, !key.isEmpty, let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
            throw .unauthorized
        }
        let given = Array(header.dropFirst("Bearer ".count).utf8)
        let expected = Array(key.utf8)
        guard given.count == expected.count,
              zip(given, expected).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
        else { throw .unauthorized }
    }
}
