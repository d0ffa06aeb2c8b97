import Foundation

/// Where a ledger is, as `--database` names it: a SQLite file (`PATH` or `sqlite:PATH`), or a
/// PostgreSQL database (`postgres://user@host:port/db`, `?host=/dir` for a unix socket).
///
/// The password never comes from the URL (it would show in `ps` and shell history): it is
/// the `password` given (from `PGPASSWORD` or a configuration file).
public enum LedgerLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// - Throws: `LedgerError` `.invalidInput` for a malformed URL or one carrying a password.
    public init(parsing text: String, password: String? = nil) throws(LedgerError) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(parsing: text, password: password))
        } else if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else { throw LedgerError(.invalidInput, "--database sqlite: needs a path (sqlite:./hazard.sqlite)") }
            self = .sqlite(path: path)
        } else {
            guard !text.isEmpty else { throw LedgerError(.invalidInput, "--database needs a path or a postgres:// URL") }
            self = .sqlite(path: text)
        }
    }

    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let location): location.description
        }
    }
}

/// A PostgreSQL database and how to reach it.
public struct PostgresLocation: Sendable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// A folder holding the server's unix socket (`?host=/dir`), used instead of TCP.
    public var socketDirectory: String?
    public var user: String
    public var database: String
    public var password: String?
    /// A schema to keep the ledger's tables in (`?schema=`), default the user's search path.
    public var schema: String?

    public init(host: String = "localhost", port: Int = 5432, socketDirectory: String? = nil, user: String, database: String,
                password: String? = nil, schema: String? = nil) {
        self.host = host
        self.port = port
        self.socketDirectory = socketDirectory
        self.user = user
        self.database = database
        self.password = password
        self.schema = schema
    }

    /// - Throws: `LedgerError` `.invalidInput`.
    public init(parsing text: String, password: String?) throws(LedgerError) {
        func invalid(_ why: String) -> LedgerError {
            LedgerError(.invalidInput, "--database \(text.split(separator: "@").last.map { "…@\($0)" } ?? ""): \(why) (postgres://user@host:port/database)")
        }
        guard let url = URLComponents(string: text) else { throw invalid("not a URL") }
        if url.password != nil {
            throw invalid("a password in the URL would show in the process list; set PGPASSWORD instead")
        }
        guard let user = url.user, !user.isEmpty else { throw invalid("no user") }
        let database = url.path.hasPrefix("/") ? String(url.path.dropFirst()) : url.path
        guard !database.isEmpty, !database.contains("/") else { throw invalid("no database name") }
        var socket: String?
        var schema: String?
        for item in url.queryItems ?? [] {
            switch item.name {
            case "host": socket = item.value
            case "schema": schema = item.value
            default: throw invalid("unknown parameter '\(item.name)' (host=/socket/dir and schema=NAME are understood)")
            }
        }
        if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw invalid("schema must be letters, digits and _")
        }
        self.init(host: url.host ?? "localhost", port: url.port ?? 5432, socketDirectory: socket, user: user, database: database,
                  password: password, schema: schema)
    }

    /// The URL without any password.
    public var description: String {
        var query: [String] = []
        if let socketDirectory { query.append("host=\(socketDirectory)") }
        if let schema { query.append("schema=\(schema)") }
        return "postgres://\(user)@\(host):\(port)/\(database)" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }
}
