import ArgumentParser
import Configuration
import HazardRPC

/// One setting of `hazard serve`, settable by flag, environment variable and config-file key,
/// all three named from `key`: `max_frame` is `--max-frame`, `HAZARD_MAX_FRAME` and
/// `"max_frame"` in the JSON file. Precedence: flag, environment, file, default.
///
/// `ServeSetting.all` is the one table of them. To add a setting, add its row there and an
/// optional `@Option` without a default (`var maxFrame: Int?`, the key in camelCase) whose help
/// is `ServeSetting.help("max_frame")`, in `ServeCommand` or any `@OptionGroup` of it;
/// `ServeFlags` finds the flag by its name, `ServeSettings` resolves the rest.
struct ServeSetting: Sendable {
    enum Kind: String, Sendable {
        case string, path, integer
        /// A number of seconds, fractions allowed.
        case seconds

        var noun: String {
            switch self {
            case .string: return "a string"
            case .path: return "a path (string)"
            case .integer: return "an integer"
            case .seconds: return "a number of seconds"
            }
        }
    }

    var key: String
    var kind: Kind
    /// Nil: unset unless given (`auth`; `checklists`, which `ChecklistLocator` then finds).
    var defaultValue: ConfigContent?
    var help: String

    init(_ key: String, _ kind: Kind, _ defaultValue: ConfigContent?, _ help: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    var flag: String { "--" + key.split(separator: "_").joined(separator: "-") }
    var environmentVariable: String { "HAZARD_" + key.uppercased() }
}

extension ServeSetting {
    /// Every setting, in `--print-config` order.
    static let all: [ServeSetting] = [
        .init("host", .string, .string("127.0.0.1"), "Address to listen on (non-loopback needs auth)."),
        .init("port", .integer, .int(RPCServerConfiguration.defaultPort), "TCP port (0 picks a free one)."),
        .init("database", .string, .string("./hazard.sqlite"), "Ledger: a SQLite file (PATH or sqlite:PATH, created if missing) or postgres://user@host:port/db (password from PGPASSWORD, never in the URL)."),
        .init("checklists", .path, nil, "Checklist folders or files, `:`-separated (default: ./checklists, else the installed ones)."),
        .init("auth", .path, nil, "Token file (JSON, tokens stored as SHA-256); see rpc/PROTOCOL.md §4. Its contents are never printed."),
        .init("max_frame", .integer, .int(RPCFrameDecoder.defaultMaxFrameLength), "Largest request frame in bytes."),
        .init("max_connections", .integer, .int(512), "Most connections at once."),
        .init("idle_timeout", .seconds, .double(60), "Seconds a connection may go without completing a frame (not counting time its requests run)."),
        .init("max_response", .integer, .int(RPCServerConfiguration.defaultMaxResponseLength),
              "Largest response frame in bytes (one response, or a batch's together; 1024…1 GiB); a larger answer is -32013."),
        .init("output_high_water", .integer, .int(1 << 20),
              "Bytes of responses a client may leave untaken before its connection stops reading (resumes below a quarter)."),
        .init("auth_timeout", .seconds, .double(10), "With auth: seconds a connection may stay unauthenticated before it is closed (-32001)."),
        .init("max_unauthenticated", .integer, .int(256),
              "With auth: most unauthenticated connections at once (the other slots stay free for authenticated clients; -32011)."),
        .init("max_unauthenticated_per_address", .integer, .int(16), "With auth: most unauthenticated connections from one address, an IPv6 /64 counting as one (-32011)."),
        .init("max_frame_unauthenticated", .integer, .int(64 << 10), "With auth: largest frame in bytes before authenticating (-32010)."),
        .init("shutdown_timeout", .seconds, .double(10), "Seconds a connection gets on SIGTERM/SIGINT to answer what it has read before it is closed."),
        .init("log_level", .string, .string("info"), "Log level: trace, debug, info, notice, warning, error, critical."),
        .init("metrics", .string, nil,
              "Serve Prometheus metrics (request counts and latency per method, connections, checklist reloads) as text on GET /metrics at PORT, HOST:PORT or [IPv6]:PORT; a bare port binds 127.0.0.1. Plain HTTP/1.1, no authentication: at most 16 scrapers at once, each closed after 30 s idle."),
    ]

    static let byKey: [String: ServeSetting] = Dictionary(uniqueKeysWithValues: all.map { ($0.key, $0) })

    /// The `--help` text of the setting `key`: its help, default, variable and file key.
    static func help(_ key: String) -> ArgumentHelp {
        guard let setting = byKey[key] else { preconditionFailure("no row for '\(key)' in ServeSetting.all") }
        let fallback = setting.defaultValue.map { "default \(ServeSettings.text($0))" } ?? "no default"
        return ArgumentHelp("\(setting.help) (\(fallback); env \(setting.environmentVariable); config key \"\(setting.key)\")")
    }
}
