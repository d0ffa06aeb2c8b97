import Foundation
import Testing

/// A `--db` that does not exist is refused by commands that only read the ledger or change
/// hazards already in it, and is not created: a mistyped path must not report "0 hazards".
@Suite("ledger commands and a --db that does not exist")
struct LedgerOpeningTests {
    static let commands: [[String]] = [
        ["ledger", "list"],
        ["ledger", "show", "1"],
        ["ledger", "verify-chain"],
        ["ledger", "head"],
        ["report", "hazards"],
        ["report", "dispatch", "--from", "2026-01-01", "--to", "2026-01-31"],
        ["ledger", "rectify", "1", "--as", "王工"],
        ["ledger", "supervise", "1", "--authority", "市安委会", "--as", "王工"],
        // An enforcement names a registered enterprise, so it too needs a ledger that exists.
        ["ledger", "enforce", "91350100M000100Y43", "--action", "spot_check", "--as", "王工"],
    ]

    @Test("read commands, and writes on what a ledger already holds, refuse with 'no ledger at PATH' and create no file", arguments: commands)
    func refuses(command: [String]) throws {
        try CLI.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("typo.sqlite").path
            let result = try CLI.run(command + ["--db", db], in: dir)
            #expect(result.status == 1)
            #expect(result.stderr.contains("error: no ledger at \(db)"), "\(result.stderr)")
            #expect(!result.stdout.contains("0 hazard"))
            #expect(!FileManager.default.fileExists(atPath: db))
            #expect((try FileManager.default.contentsOfDirectory(atPath: dir.path)).isEmpty, "nothing at all is created beside it")
        }
    }

    @Test("registering an enterprise starts a ledger, which the read commands then open")
    func writeCreates() throws {
        try CLI.withTemporaryDirectory { dir in
            let db = dir.appendingPathComponent("new.sqlite").path
            let register = try CLI.run(["ledger", "enterprise", "91350100M000100Y43", "--name", "测试化工有限公司", "--region", "350100",
                                        "--as", "王工", "--db", db], in: dir)
            #expect(register.status == 0, "\(register.stderr)")
            #expect(FileManager.default.fileExists(atPath: db))
            let list = try CLI.run(["ledger", "list", "--db", db], in: dir)
            #expect(list.status == 0, "\(list.stderr)")
            let verify = try CLI.run(["ledger", "verify-chain", "--db", db], in: dir)
            #expect(verify.status == 0, "\(verify.stderr)")
        }
    }
}
