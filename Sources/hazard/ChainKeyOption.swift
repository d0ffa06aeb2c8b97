import ArgumentParser
import Foundation
import HazardLedger

/// `--key-file`: the secret that signs and checks chain heads, kept outside the ledger.
struct ChainKeyOption: ParsableArguments {
    @Option(name: .customLong("key-file"), help: ArgumentHelp(
        "File whose bytes, exactly, are the HMAC-SHA256 key (at least 16; e.g. `head -c 32 /dev/urandom > ledger-head.key`). Keep it off the machine or account that can write the ledger.",
        valueName: "file"))
    var path: String?

    /// The key, nil without `--key-file`; an unreadable or short key is an error (exit 1).
    func load() throws -> ChainKey? {
        guard let path else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            printError("error: cannot read the key file \(path)")
            throw ExitCode(1)
        }
        do {
            return try ChainKey(bytes: [UInt8](data))
        } catch {
            printError("\(path): \(error.description)")
            throw ExitCode(1)
        }
    }
}
