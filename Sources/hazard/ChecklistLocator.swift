import Foundation

/// Finds the checklists a command loads, the same way for every command, so `hazard` works from
/// any folder and not only from a checkout.
///
/// Order: a value given explicitly (`--checklists`, else `$HAZARD_CHECKLISTS`; for `hazard serve`
/// its resolved `checklists` setting, which may also come from its config file), then
/// `./checklists`, then the data folder installed beside the binary
/// (`<prefix>/share/hazard/checklists` for `<prefix>/bin/hazard`). An explicit value is used as
/// given and never falls through to the next source: a typo in `HAZARD_CHECKLISTS` must not
/// silently grade against other checklists.
struct ChecklistLocator {
    /// Where the chosen paths came from, for messages and `hazard serve --print-config`.
    enum Source: Sendable, Equatable, CustomStringConvertible {
        /// Given by a flag, variable or config file, named as the user wrote it (`--checklists`,
        /// `HAZARD_CHECKLISTS`, `hazard.json: checklists`).
        case given(String)
        case workingDirectory
        case installed

        var description: String {
            switch self {
            case .given(let origin): return origin
            case .workingDirectory: return "./checklists in the working folder"
            case .installed: return "the data folder installed with hazard"
            }
        }
    }

    struct Location: Sendable, Equatable {
        var paths: [String]
        var source: Source
    }

    /// No checklists anywhere: every place looked at, with why it did not do.
    struct NotFound: Error, Sendable, CustomStringConvertible {
        var looked: [(place: String, outcome: String)]
        var description: String {
            "error: no checklists found; looked at, in order:\n"
                + looked.map { "  \($0.place): \($0.outcome)" }.joined(separator: "\n")
                + "\ngive a folder with --checklists PATH or HAZARD_CHECKLISTS=PATH, or install hazard with `make install PREFIX=…`"
        }
    }

    /// A path given explicitly that does not exist.
    struct Missing: Error, Sendable, CustomStringConvertible {
        var path: String
        var origin: String
        var description: String { "error: \(path) (from \(origin)): no such file or folder" }
    }

    var workingDirectory: String
    /// The running binary, symlinks resolved, or nil when the system does not say.
    var executable: String?

    /// The locator for this process.
    static var current: ChecklistLocator {
        ChecklistLocator(workingDirectory: FileManager.default.currentDirectoryPath, executable: runningExecutable())
    }

    /// `<prefix>/share/hazard/checklists` for a binary at `<prefix>/bin/hazard`.
    var installedFolder: String? {
        guard let executable else { return nil }
        return URL(fileURLWithPath: executable).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/hazard/checklists").path
    }

    /// Splits a `HAZARD_CHECKLISTS`-style value: paths separated by `:` as in `PATH`.
    static func paths(in value: String) -> [String] {
        value.split(separator: ":", omittingEmptySubsequences: true).map(String.init)
    }

    /// The checklists to load.
    ///
    /// - Parameters:
    ///   - given: paths given explicitly and who gave them; nil to look in the working folder
    ///     and then in the installed data folder.
    ///   - consulted: the explicit sources that were looked at and found empty, with why, for
    ///     the message when nothing is found.
    /// - Throws: `Missing` when a given path does not exist; `NotFound` when nothing is given
    ///   and neither folder exists.
    func locate(given: (paths: [String], origin: String)?,
                consulted: [(place: String, outcome: String)] = [("--checklists", "not given"), ("HAZARD_CHECKLISTS", "not set")]) throws -> Location {
        if let given, !given.paths.isEmpty {
            for path in given.paths where !FileManager.default.fileExists(atPath: path) {
                throw Missing(path: path, origin: given.origin)
            }
            return Location(paths: given.paths, source: .given(given.origin))
        }
        var looked = consulted
        let local = URL(fileURLWithPath: workingDirectory).appendingPathComponent("checklists").path
        if isFolder(local) { return Location(paths: ["checklists"], source: .workingDirectory) }
        looked.append(("./checklists", "\(local): no such folder"))
        if let installed = installedFolder {
            if isFolder(installed) { return Location(paths: [installed], source: .installed) }
            looked.append(("installed data folder", "\(installed): no such folder"))
        } else {
            looked.append(("installed data folder", "unknown (the path of the running hazard binary is not available)"))
        }
        throw NotFound(looked: looked)
    }

    private func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Linux names the running binary in /proc/self/exe; elsewhere the bundle's executable
    /// URL is the closest. Symlinks are resolved so `/usr/local/bin/hazard -> /opt/hazard/bin/hazard`
    /// finds `/opt/hazard/share`.
    private static func runningExecutable() -> String? {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return target }
        return Bundle.main.executableURL?.resolvingSymlinksInPath().path
    }
}
