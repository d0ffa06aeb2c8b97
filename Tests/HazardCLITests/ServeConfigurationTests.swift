import Foundation
import Testing

/// `hazard serve` settings come from flags, `HAZARD_*` variables, a JSON config file and
/// defaults, in that order; `--print-config` shows each value and where it came from.
@Suite("hazard serve configuration: flags, environment, config file")
struct ServeConfigurationTests {
    /// `--print-config`'s row for `key`: (value, source).
    static func row(_ key: String, in output: String) -> (value: String, source: String)? {
        for line in output.split(separator: "\n") where !line.hasPrefix("#") {
            // Columns are padded with at least two spaces; values hold single spaces at most.
            let cells = line.components(separatedBy: "  ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if cells.count == 3, cells[0] == key { return (cells[1], cells[2]) }
        }
        return nil
    }

    static func write(_ text: String, to url: URL) throws -> String {
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("a flag beats the environment, which beats the config file, which beats the default")
    func precedence() throws {
        try CLI.withTemporaryDirectory { dir in
            let config = try Self.write("""
                {
                  "port": 7001,
                  "max_frame": 2048,
                  "idle_timeout": 30,
                  "host": "127.0.0.1"
                }
                """, to: dir.appendingPathComponent("hazard.json"))
            let environment = ["HAZARD_PORT": "7002", "HAZARD_IDLE_TIMEOUT": "45"]

            let flagged = try CLI.run(["serve", "--config", config, "--port", "7003", "--print-config"], environment: environment)
            #expect(flagged.status == 0, "\(flagged.stderr)")
            #expect(Self.row("port", in: flagged.stdout)! == ("7003", "flag --port"))
            #expect(Self.row("idle_timeout", in: flagged.stdout)! == ("45", "environment HAZARD_IDLE_TIMEOUT"))
            #expect(Self.row("max_frame", in: flagged.stdout)! == ("2048", "config file \(config):3:16"))
            #expect(Self.row("max_connections", in: flagged.stdout)! == ("512", "default"))
            #expect(flagged.stdout.contains("# config file: \(config) (from --config)"))

            let unflagged = try CLI.run(["serve", "--config", config, "--print-config"], environment: environment)
            #expect(Self.row("port", in: unflagged.stdout)! == ("7002", "environment HAZARD_PORT"))

            let fileOnly = try CLI.run(["serve", "--print-config"], environment: ["HAZARD_CONFIG": config])
            #expect(Self.row("port", in: fileOnly.stdout)! == ("7001", "config file \(config):2:11"), "\(fileOnly.stdout)")
            #expect(fileOnly.stdout.contains("(from HAZARD_CONFIG)"))

            let defaults = try CLI.run(["serve", "--print-config"])
            #expect(Self.row("port", in: defaults.stdout)! == ("7420", "default"))
            #expect(defaults.stdout.contains("# config file: none"))
        }
    }

    @Test("the example config file is valid and each of its settings is read from it")
    func exampleFile() throws {
        let example = "examples/hazard-serve.json"
        let result = try CLI.run(["serve", "--config", example, "--print-config"])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(example), encoding: .utf8)
        let keys = text.split(separator: "\n").compactMap { line in line.split(separator: "\"").dropFirst().first.map(String.init) }
        #expect(keys.count >= 5)
        for key in keys {
            #expect(Self.row(key, in: result.stdout)?.source.hasPrefix("config file \(example):") == true, "\(key)")
        }
    }

    @Test("every setting --print-config shows is a flag of serve --help")
    func everySettingIsAFlag() throws {
        let printed = try CLI.run(["serve", "--print-config"])
        let help = try CLI.run(["serve", "--help"])
        let keys = printed.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(keys.count >= 16)
        for key in keys {
            let flag = "--" + key.replacingOccurrences(of: "_", with: "-")
            #expect(help.stdout.contains(flag + " ") || help.stdout.contains(flag + ","), "\(flag) is not in serve --help")
            #expect(help.stdout.contains("HAZARD_" + key.uppercased()), "HAZARD_\(key.uppercased()) is not in serve --help")
        }
    }

    @Test("checklists come from the config file, or are found when no source names them")
    func checklists() throws {
        try CLI.withTemporaryDirectory { dir in
            let gas = CLI.packageRoot.appendingPathComponent("checklists/gas").path
            let config = try Self.write("{\"checklists\": \"\(gas)\"}", to: dir.appendingPathComponent("c.json"))
            let fromFile = try CLI.run(["serve", "--config", config, "--print-config"], in: dir)
            #expect(Self.row("checklists", in: fromFile.stdout)! == (gas, "config file \(config):1:16"))
            let found = try CLI.run(["serve", "--print-config"])
            #expect(Self.row("checklists", in: found.stdout)! == ("checklists", "found: ./checklists in the working folder"))
            let none = try CLI.run(["serve", "--print-config"], in: dir)
            #expect(none.status == 2)
            #expect(none.stderr.contains("config file: none given"), "\(none.stderr)")
        }
    }

    @Test("the metrics address is a setting too: HAZARD_METRICS is read, and the flag wins over it")
    func metricsSetting() throws {
        let fromEnvironment = try CLI.run(["serve", "--print-config"], environment: ["HAZARD_METRICS": "127.0.0.1:9464"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(Self.row("metrics", in: fromEnvironment.stdout)! == ("127.0.0.1:9464", "environment HAZARD_METRICS"))
        let flagged = try CLI.run(["serve", "--metrics", "9465", "--print-config"], environment: ["HAZARD_METRICS": "127.0.0.1:9464"])
        #expect(Self.row("metrics", in: flagged.stdout)?.value == "9465")
    }

    @Test("--print-config prints the token file's path, never its contents")
    func noSecrets() throws {
        try CLI.withTemporaryDirectory { dir in
            let hash = String(repeating: "ab", count: 32)
            let tokens = try Self.write("{\"tokens\": [{\"sha256\": \"\(hash)\", \"name\": \"desk\", \"role\": \"admin\"}]}",
                                        to: dir.appendingPathComponent("tokens.json"))
            let result = try CLI.run(["serve", "--print-config"], environment: ["HAZARD_AUTH": tokens])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Self.row("auth", in: result.stdout)! == (tokens, "environment HAZARD_AUTH"))
            #expect(!result.stdout.contains(hash))
            #expect(!result.stdout.contains("desk"))
        }
    }

    @Test("mistakes in the config file are all reported at file:line:column, and nothing starts")
    func fileMistakes() throws {
        try CLI.withTemporaryDirectory { dir in
            let config = try Self.write("""
                {
                  "prot": 7001,
                  "port": "seven",
                  "idle_timeout": 1.5,
                  "max_frame": 1.5
                }
                """, to: dir.appendingPathComponent("bad.json"))
            let result = try CLI.run(["serve", "--config", config])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(config):2:3: error: unknown setting 'prot' (did you mean 'port'?) [unknownKey]"), "\(result.stderr)")
            #expect(result.stderr.contains("\(config):3:11: error: 'port' must be an integer [wrongType]"), "\(result.stderr)")
            #expect(result.stderr.contains("\(config):5:16: error: 'max_frame' must be an integer [wrongType]"), "\(result.stderr)")
            #expect(!result.stderr.contains("idle_timeout"))
            #expect(!result.stdout.contains("listening"))

            let syntax = try Self.write("{\n  \"port\": 7001,\n}\n", to: dir.appendingPathComponent("syntax.json"))
            let broken = try CLI.run(["serve", "--config", syntax])
            #expect(broken.status == 2)
            #expect(broken.stderr.hasPrefix("\(syntax):3:1: error: "), "\(broken.stderr)")
            #expect(broken.stderr.contains("[jsonSyntax]"))

            let missing = try CLI.run(["serve", "--config", dir.appendingPathComponent("nope.json").path])
            #expect(missing.status == 2)
            #expect(missing.stderr.contains("nope.json:1:1: error: config file: no such file [unreadable]"), "\(missing.stderr)")
        }
    }

    @Test("a variable of the wrong type names the variable and its value")
    func environmentMistake() throws {
        let result = try CLI.run(["serve", "--print-config"], environment: ["HAZARD_PORT": "seven"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: HAZARD_PORT=seven: must be an integer"), "\(result.stderr)")
        let timeout = try CLI.run(["serve"], environment: ["HAZARD_IDLE_TIMEOUT": "0"])
        #expect(timeout.status == 2)
        #expect(timeout.stderr.contains("error: HAZARD_IDLE_TIMEOUT=0: idle timeout must be"), "\(timeout.stderr)")
    }

    @Test("the server runs with the config file's settings: database, checklists and port from the file")
    func servesFromFile() throws {
        try CLI.withTemporaryDirectory { dir in
            let port = try TCPPort.closed()
            let db = dir.appendingPathComponent("from-config.sqlite").path
            let gas = CLI.packageRoot.appendingPathComponent("checklists/gas").path
            let config = try Self.write("{\"port\": \(port), \"database\": \"\(db)\", \"checklists\": \"\(gas)\", \"log_level\": \"warning\"}",
                                        to: dir.appendingPathComponent("hazard.json"))
            let server = Process()
            server.executableURL = URL(fileURLWithPath: try #require(CLI.binary))
            server.arguments = ["serve", "--config", config]
            server.currentDirectoryURL = dir
            server.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("HAZARD_") }
            let out = Pipe()
            server.standardOutput = out
            server.standardError = FileHandle.nullDevice
            try server.run()
            defer {
                server.terminate()
                server.waitUntilExit()
            }
            // The first line on stdout says where it listens, once it does.
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                line.append(chunk)
            }
            let listening = String(decoding: line, as: UTF8.self)
            #expect(listening.contains("listening on 127.0.0.1:\(port) with 1 checklists"), "\(listening)")
            let info = try CLI.run(["call", "--port", String(port), "checklists.list"], in: dir)
            #expect(info.status == 0, "\(info.stderr)")
            #expect(info.stdout.contains("urban-gas-2023"))
            #expect(FileManager.default.fileExists(atPath: db))
        }
    }
}
