import Foundation
import Testing

/// `--help` is what a new user reads first. ArgumentParser wraps prose to the terminal's width, so a
/// line broken by hand in the source shows up as a ragged short line, and spaces left from joining
/// lines as a gap mid-sentence. Every command's help text is checked through the binary's own dump.
@Suite("help text")
struct HelpTextTests {
    struct Text: CustomStringConvertible {
        var command: String
        var text: String
        var description: String { command }
    }

    /// Every command's abstract and discussion and every argument's help, from `--experimental-dump-help`.
    static func texts() throws -> [Text] {
        let dump = try CLI.run(["--experimental-dump-help"])
        try #require(dump.status == 0, "\(dump.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var texts: [Text] = []
        func walk(_ command: [String: Any], _ path: String) {
            for key in ["abstract", "discussion"] {
                if let text = command[key] as? String { texts.append(Text(command: path, text: text)) }
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                let name = (argument["valueName"] as? String) ?? "?"
                for key in ["abstract", "discussion"] {
                    if let text = argument[key] as? String { texts.append(Text(command: "\(path) <\(name)>", text: text)) }
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] {
                walk(sub, "\(path) \(sub["commandName"] as? String ?? "?")")
            }
        }
        walk(try #require(root["command"] as? [String: Any]), "hazard")
        return texts
    }

    @Test("every command's help is prose the parser wraps: no gap of spaces mid-line, no line broken by hand")
    func wrappedByTheParser() throws {
        let texts = try Self.texts()
        #expect(texts.count > 40, "the dump should hold every command's help")
        for entry in texts {
            let lines = entry.text.components(separatedBy: "\n")
            for (index, line) in lines.enumerated() {
                let body = line.drop { $0 == " " }
                #expect(!body.contains("   "), "\(entry.command): spaces mid-line in '\(line)'")
                // Within a paragraph a line may end only where an indented block (an example) starts
                // or after a colon introducing it; anything else is a hand-made break.
                guard index + 1 < lines.count, !body.isEmpty else { continue }
                let next = lines[index + 1]
                if next.isEmpty || next.hasPrefix(" ") || line.hasSuffix(":") { continue }
                Issue.record("\(entry.command): a line broken by hand after '\(line.suffix(40))'")
            }
        }
    }

    @Test("the serve help, as printed, reads SIGHUP's sentence in one piece")
    func servePrinted() throws {
        let help = try CLI.run(["serve", "--help"])
        #expect(help.status == 0)
        let prose = help.stdout.replacingOccurrences(of: "\n", with: " ")
        #expect(prose.contains("loads the checklist folders again: if every file loads"))
    }
}
