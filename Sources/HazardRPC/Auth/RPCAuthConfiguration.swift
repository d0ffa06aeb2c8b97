import HazardCore
import HazardLedger
import HazardJSON

/// The server's token file (`hazard serve --auth FILE`): one entry per client, each token
/// stored as its SHA-256 so the file does not grant access to whoever reads it.
///
/// ```json
/// {"tokens": [{"name": "gas-inspector", "sha256": "<hex>", "role": "inspector", "sectors": ["gas"], "regions": ["310100"]}]}
/// ```
public struct RPCAuthConfiguration: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var principal: RPCPrincipal
        /// Lowercase hex SHA-256 of the UTF-8 token.
        public var sha256: String
        public init(principal: RPCPrincipal, sha256: String) {
            self.principal = principal
            self.sha256 = sha256.lowercased()
        }
    }

    public var entries: [Entry]
    private let byHash: [String: RPCPrincipal]

    public init(entries: [Entry]) {
        self.entries = entries
        var byHash: [String: RPCPrincipal] = [:]
        for entry in entries { byHash[entry.sha256] = entry.principal }
        self.byHash = byHash
    }

    /// The hash stored for `token`.
    public static func hash(token: String) -> String { SHA256.hex(bytes: Array(token.utf8)) }

    /// The token in a line read for `hazard serve --hash-token` (newline already stripped).
    /// Nothing is trimmed, because the server compares the token byte for byte: a token with
    /// leading or trailing whitespace is refused rather than hashed as something no client
    /// would send, or trimmed into a hash the sent token would not match.
    ///
    /// - Throws: `RPCConfigurationError` for an empty token or one with surrounding whitespace.
    public static func token(fromLine line: String) throws(RPCConfigurationError) -> String {
        guard !line.isEmpty else { throw RPCConfigurationError(file: "standard input", message: "pipe a token on standard input") }
        guard let first = line.unicodeScalars.first, let last = line.unicodeScalars.last,
              !first.properties.isWhitespace, !last.properties.isWhitespace else {
            throw RPCConfigurationError(file: "standard input", message: "the token has leading or trailing whitespace; the server compares tokens exactly, so use one without (e.g. `echo -n TOKEN`)")
        }
        return line
    }

    /// The principal a token stands for, or nil.
    public func principal(token: String) -> RPCPrincipal? { byHash[Self.hash(token: token)] }

    /// Reads a token file.
    ///
    /// - Throws: `RPCConfigurationError` naming the entry and member that is wrong.
    public static func parse(_ bytes: [UInt8], file: String) throws(RPCConfigurationError) -> RPCAuthConfiguration {
        let root: JSONValue
        do { root = try JSONReader.read(bytes) } catch {
            throw RPCConfigurationError(file: file, message: "not JSON: \(error)")
        }
        guard let tokens = root["tokens"]?.array else {
            throw RPCConfigurationError(file: file, message: "expected an object with a \"tokens\" array")
        }
        var entries: [Entry] = []
        for (index, token) in tokens.enumerated() {
            let at = "tokens[\(index)]"
            guard let name = token["name"]?.string, !name.isEmpty else { throw RPCConfigurationError(file: file, message: "\(at).name: expected a non-empty string") }
            guard let hash = token["sha256"]?.string, hash.count == 64, hash.allSatisfy(\.isHexDigit) else {
                throw RPCConfigurationError(file: file, message: "\(at).sha256: expected 64 hex digits (`hazard serve --hash-token` prints them)")
            }
            guard let roleName = token["role"]?.string, let role = RPCRole(rawValue: roleName) else {
                throw RPCConfigurationError(file: file, message: "\(at).role: expected one of \(RPCRole.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            func strings(_ key: String) throws(RPCConfigurationError) -> [String]? {
                guard let value = token[key], !value.isNull else { return nil }
                guard let items = value.array?.compactMap(\.string), items.count == value.array?.count else {
                    throw RPCConfigurationError(file: file, message: "\(at).\(key): expected an array of strings")
                }
                return items
            }
            var actsForSeveral = false
            if let shared = token["acts_for_several"], !shared.isNull {
                guard case .bool(let flag) = shared else {
                    throw RPCConfigurationError(file: file, message: "\(at).acts_for_several: expected true or false")
                }
                actsForSeveral = flag
            }
            let sectors = try strings("sectors").map(Set.init)
            let regions = try strings("regions")
            // Scopes are applied in the ledger's queries as region codes, so each must be one.
            for code in regions ?? [] where RegionCode(rawValue: code) == nil {
                throw RPCConfigurationError(file: file, message: "\(at).regions: '\(code)' is not a 6-digit administrative region code (320500 is a whole city)")
            }
            if entries.contains(where: { $0.sha256 == hash.lowercased() }) {
                throw RPCConfigurationError(file: file, message: "\(at): the same token hash appears twice")
            }
            entries.append(Entry(principal: RPCPrincipal(name: name, role: role, sectors: sectors, regions: regions, actsForSeveral: actsForSeveral), sha256: hash))
        }
        guard !entries.isEmpty else { throw RPCConfigurationError(file: file, message: "no tokens: a server with a token file needs at least one") }
        return RPCAuthConfiguration(entries: entries)
    }
}

/// A server configuration file that cannot be used.
public struct RPCConfigurationError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var message: String
    public var description: String { "\(file): error: \(message)" }
}
