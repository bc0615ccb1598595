// The request context of the server's routes: Hummingbird's core context plus the client's
// address, which the rate limit counts by.
import Hummingbird
import NIOCore

/// Hummingbird's request context with the remote address.
public struct ServingRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The client's address, when the channel has one.
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
