// The rate limit: a token bucket per client address that holds a minute's worth of requests and
// refills continuously; an empty bucket answers 429 with Retry-After. Buckets that have refilled
// are forgotten, so the table stays as small as the set of recent clients.
import Foundation
import HTTPTypes
import Hummingbird

/// Token buckets by client address.
final class RateLimiter: @unchecked Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let perMinute: Double
    private let lock = NSLock()
    private var buckets: [String: Bucket] = [:]
    private var lastSweep = ContinuousClock.now

    /// A limiter allowing `requestsPerMinute` per client (and bursts of as many).
    init(requestsPerMinute: Int) {
        perMinute = Double(max(1, requestsPerMinute))
    }

    /// Takes one token for `client`; nil when allowed, else the seconds until one is available.
    func take(_ client: String, now: ContinuousClock.Instant = .now) -> Int? {
        lock.withLock {
            sweep(now)
            var bucket = buckets[client] ?? Bucket(tokens: perMinute, updated: now)
            let elapsed = (now - bucket.updated) / .seconds(1)
            bucket.tokens = min(perMinute, bucket.tokens + elapsed * perMinute / 60)
            bucket.updated = now
            defer { buckets[client] = bucket }
            guard bucket.tokens >= 1 else { return Int(((1 - bucket.tokens) * 60 / perMinute).rounded(.up)) }
            bucket.tokens -= 1
            return nil
        }
    }

    private func sweep(_ now: ContinuousClock.Instant) {
        guard now - lastSweep > .seconds(60) else { return }
        lastSweep = now
        buckets = buckets.filter { now - $0.value.updated < .seconds(60) }
    }
}

extension HTTPField.Name {
    static let xForwardedFor = HTTPField.Name("X-Forwarded-For")!
}

/// Refuses requests beyond the client's rate (health and metrics are not limited).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ServingRequestContext
    let limiter: RateLimiter
    let metrics: ServerMetrics
    let trustForwardedFor: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        guard path != "/healthz", path != "/readyz", path != "/metrics" else { return try await next(request, context) }
        let forwarded = trustForwardedFor
            ? request.headers[.xForwardedFor]?.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } : nil
        let client = forwarded ?? context.remoteAddress?.ipAddress ?? "unknown"
        if let wait = limiter.take(client) {
            metrics.countRateLimited()
            var response = JSONResponse.error(.tooManyRequests(retryAfterSeconds: wait))
            response.headers[.retryAfter] = String(wait)
            return response
        }
        return try await next(request, context)
    }
}
