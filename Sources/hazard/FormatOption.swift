import ArgumentParser

/// `--format text|json` for commands that print a report or JSON; `--json`, which these
/// commands took before `--format` was made uniform, stays as its alias.
struct FormatOption: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Option(help: "Output format: text or json (the RPC result's encoding; see rpc/schema/).") var format: Format = .text
    @Flag(help: "Same as --format json.") var json = false

    var isJSON: Bool { json || format == .json }
}
