import Foundation
import Testing

/// `hazard` finds checklists from any folder: `--checklists`, then `HAZARD_CHECKLISTS`, then
/// `./checklists`, then `<prefix>/share/hazard/checklists` beside the binary.
@Suite("checklist discovery, run from folders other than the checkout")
struct ChecklistDiscoveryTests {
    static let gas = "gas/urban-gas-2023.yaml"
    static let road = "road-transport/road-2023.yaml"
    static let waterway = "waterway-transport/waterway-2024.yaml"
    static let industry = "industry-trade/industry-trade-2023.yaml"

    /// A folder holding a copy of one shipped checklist.
    static func folder(at url: URL, with checklist: String) throws -> URL {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let source = CLI.packageRoot.appendingPathComponent("checklists").appendingPathComponent(checklist)
        try FileManager.default.copyItem(at: source, to: url.appendingPathComponent(source.lastPathComponent))
        return url
    }

    /// The binary linked into `<prefix>/bin/hazard`, with `<prefix>/share/hazard/checklists`
    /// holding `checklist`: an installed layout (a hard link, since the binary follows
    /// symlinks to find its data folder).
    static func installed(in prefix: URL, with checklist: String) throws -> String {
        let bin = prefix.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let target = bin.appendingPathComponent("hazard").path
        let built = try #require(CLI.binary)
        do { try FileManager.default.linkItem(atPath: built, toPath: target) } catch { try FileManager.default.copyItem(atPath: built, toPath: target) }
        _ = try folder(at: prefix.appendingPathComponent("share/hazard/checklists"), with: checklist)
        return target
    }

    /// Checklist ids in the first column of `hazard checklists`.
    static func ids(_ result: CLI.Result) -> [String] {
        result.stdout.split(separator: "\n").dropFirst().compactMap { $0.split(separator: " ").first.map(String.init) }
    }

    @Test("with nothing to find, it exits 2 naming every place it looked, and prints no empty table")
    func nothingFound() throws {
        try CLI.withTemporaryDirectory { dir in
            let result = try CLI.run(["checklists"], in: dir)
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("error: no checklists found"))
            #expect(result.stderr.contains("--checklists: not given"))
            #expect(result.stderr.contains("HAZARD_CHECKLISTS: not set"))
            #expect(result.stderr.contains("\(dir.path)/checklists: no such folder"))
            let binaryFolder = URL(fileURLWithPath: try #require(CLI.binary)).resolvingSymlinksInPath().deletingLastPathComponent()
            let installed = binaryFolder.deletingLastPathComponent().appendingPathComponent("share/hazard/checklists").path
            #expect(result.stderr.contains("installed data folder: \(installed): no such folder"), "\(result.stderr)")
        }
    }

    @Test("HAZARD_CHECKLISTS is used from a folder with no checklists", arguments: ["checklists", "evaluate", "lint"])
    func environment(command: String) throws {
        try CLI.withTemporaryDirectory { dir in
            let shipped = CLI.packageRoot.appendingPathComponent("checklists").path
            let arguments = command == "evaluate" ? ["evaluate", CLI.packageRoot.appendingPathComponent("examples/gas.yaml").path] : [command]
            let result = try CLI.run(arguments, in: dir, environment: ["HAZARD_CHECKLISTS": shipped])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("error"), "\(result.stderr)")
            if command == "checklists" { #expect(Self.ids(result).contains("urban-gas-2023")) }
        }
    }

    @Test("HAZARD_CHECKLISTS holds several paths separated by ':'")
    func environmentList() throws {
        try CLI.withTemporaryDirectory { dir in
            let a = try Self.folder(at: dir.appendingPathComponent("a"), with: Self.gas)
            let b = try Self.folder(at: dir.appendingPathComponent("b"), with: Self.road)
            let result = try CLI.run(["checklists"], in: dir, environment: ["HAZARD_CHECKLISTS": "\(a.path):\(b.path)"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(Set(Self.ids(result)) == ["urban-gas-2023", "road-transport-2023"])
        }
    }

    @Test("--checklists wins over HAZARD_CHECKLISTS, which wins over ./checklists, which wins over the installed folder")
    func order() throws {
        try CLI.withTemporaryDirectory { dir in
            let hazard = try Self.installed(in: dir.appendingPathComponent("prefix"), with: Self.industry)
            let work = dir.appendingPathComponent("work")
            _ = try Self.folder(at: work.appendingPathComponent("checklists"), with: Self.waterway)
            let flag = try Self.folder(at: dir.appendingPathComponent("flag"), with: Self.gas)
            let env = try Self.folder(at: dir.appendingPathComponent("env"), with: Self.road)
            let empty = dir.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)

            let byFlag = try CLI.run(["checklists", "--checklists", flag.path], in: work, environment: ["HAZARD_CHECKLISTS": env.path], executable: hazard)
            #expect(Self.ids(byFlag) == ["urban-gas-2023"], "\(byFlag.stderr)")
            let byEnvironment = try CLI.run(["checklists"], in: work, environment: ["HAZARD_CHECKLISTS": env.path], executable: hazard)
            #expect(Self.ids(byEnvironment) == ["road-transport-2023"], "\(byEnvironment.stderr)")
            let byFolder = try CLI.run(["checklists"], in: work, executable: hazard)
            #expect(Self.ids(byFolder) == ["waterway-transport-2024"], "\(byFolder.stderr)")
            let byInstall = try CLI.run(["checklists"], in: empty, executable: hazard)
            #expect(Self.ids(byInstall) == ["industry-trade-2023"], "\(byInstall.stderr)")
            #expect(byInstall.status == 0)
        }
    }

    @Test("a HAZARD_CHECKLISTS that does not exist is an error, not a fall-back to ./checklists")
    func explicitMissing() throws {
        try CLI.withTemporaryDirectory { dir in
            _ = try Self.folder(at: dir.appendingPathComponent("checklists"), with: Self.gas)
            let missing = dir.appendingPathComponent("typo").path
            let result = try CLI.run(["checklists"], in: dir, environment: ["HAZARD_CHECKLISTS": missing])
            #expect(result.status == 2)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr.contains("error: \(missing) (from HAZARD_CHECKLISTS): no such file or folder"), "\(result.stderr)")
            let flag = try CLI.run(["evaluate", "--checklists", missing, CLI.packageRoot.appendingPathComponent("examples/gas.yaml").path], in: dir)
            #expect(flag.status == 2)
            #expect(flag.stderr.contains("(from --checklists): no such file or folder"), "\(flag.stderr)")
        }
    }
}
