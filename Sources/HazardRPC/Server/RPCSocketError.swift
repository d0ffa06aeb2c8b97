#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import NIOCore
import NIOPosix

/// A socket that could not be connected or bound, in words a person can act on: which
/// address, what the system said, and the likely cause.
///
/// NIO reports these as `NIOConnectionError` (a list of per-address failures), `IOError`
/// (an errno and the system call) or `SocketAddressError`, which print as
/// "Connection errors: …(errno: 111)". `RPCClient.withConnection` and `RPCServer.run` throw
/// this instead, so `hazard call` and `hazard serve` can say what happened.
public struct RPCSocketError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case connectionRefused, timedOut, unreachable, unknownHost
        case addressInUse, permissionDenied, addressNotAvailable
        case other
    }

    public var code: Code
    public var host: String
    public var port: Int
    public var message: String

    public var description: String { message }

    /// A failed connection to `host:port`.
    public static func connecting(_ error: any Error, host: String, port: Int) -> RPCSocketError {
        let target = "\(host):\(port)"
        switch cause(of: error) {
        case .errno(ECONNREFUSED):
            return RPCSocketError(code: .connectionRefused, host: host, port: port,
                                  message: "cannot connect to \(target) (connection refused): is `hazard serve` running?")
        case .errno(ETIMEDOUT), .timedOut:
            return RPCSocketError(code: .timedOut, host: host, port: port,
                                  message: "cannot connect to \(target) (timed out): is the host up, and does its firewall let port \(port) through?")
        case .errno(let code) where code == EHOSTUNREACH || code == ENETUNREACH:
            return RPCSocketError(code: .unreachable, host: host, port: port,
                                  message: "cannot connect to \(target) (\(describe(code))): check the address and the network")
        case .unknownHost:
            return RPCSocketError(code: .unknownHost, host: host, port: port,
                                  message: "cannot connect to \(target): no address found for the name \(host)")
        case .errno(let code):
            return RPCSocketError(code: .other, host: host, port: port, message: "cannot connect to \(target) (\(describe(code)))")
        case .unknown(let text):
            return RPCSocketError(code: .other, host: host, port: port, message: "cannot connect to \(target) (\(text))")
        }
    }

    /// A failed bind of a listening socket to `host:port`.
    public static func listening(_ error: any Error, host: String, port: Int) -> RPCSocketError {
        switch cause(of: error) {
        case .errno(EADDRINUSE):
            return RPCSocketError(code: .addressInUse, host: host, port: port,
                                  message: "port \(port) is already in use (on \(host)): another `hazard serve` or another program listens there; stop it or pick another port with --port")
        case .errno(let code) where code == EACCES || code == EPERM:
            return RPCSocketError(code: .permissionDenied, host: host, port: port,
                                  message: "not allowed to listen on \(host):\(port) (\(describe(code)))"
                                      + (port < 1024 ? ": ports below 1024 need root or CAP_NET_BIND_SERVICE" : ""))
        case .errno(EADDRNOTAVAIL):
            return RPCSocketError(code: .addressNotAvailable, host: host, port: port,
                                  message: "cannot listen on \(host):\(port): \(host) is not an address of this machine")
        case .unknownHost:
            return RPCSocketError(code: .unknownHost, host: host, port: port,
                                  message: "cannot listen on \(host):\(port): no address found for the name \(host)")
        case .errno(let code):
            return RPCSocketError(code: .other, host: host, port: port, message: "cannot listen on \(host):\(port) (\(describe(code)))")
        case .timedOut:
            return RPCSocketError(code: .timedOut, host: host, port: port, message: "cannot listen on \(host):\(port) (timed out)")
        case .unknown(let text):
            return RPCSocketError(code: .other, host: host, port: port, message: "cannot listen on \(host):\(port) (\(text))")
        }
    }

    /// Runs `body` (a bind), throwing its failure as `listening(_:host:port:)`.
    static func whileListening<T>(on host: String, _ port: Int, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw listening(error, host: host, port: port) }
    }

    /// Runs `body` (a connect), throwing its failure as `connecting(_:host:port:)`.
    static func whileConnecting<T>(to host: String, _ port: Int, _ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw connecting(error, host: host, port: port) }
    }

    private enum Cause {
        case errno(CInt)
        case timedOut
        case unknownHost
        case unknown(String)
    }

    /// The first failure that says something: NIO tries every address of a name and keeps
    /// each attempt's error.
    private static func cause(of error: any Error) -> Cause {
        switch error {
        case let error as IOError:
            return .errno(error.errnoCode)
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return cause(of: first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return .unknownHost }
            return .unknown(String(describing: error))
        case ChannelError.connectTimeout:
            return .timedOut
        case is SocketAddressError:
            return .unknownHost
        default:
            return .unknown(String(describing: error))
        }
    }

    private static func describe(_ code: CInt) -> String {
        String(cString: strerror(code)).lowercased()
    }
}
