import ArgumentParser
import Configuration
import Foundation
import HazardRPC
import Logging

/// `hazard serve`'s settings: resolved from flags, `HAZARD_*`, the config file and defaults
/// (`ServeSettings`), printed by `--print-config`, and checked before anything starts.
extension ServeCommand {
    /// What `run` needs, every value checked.
    struct CheckedSettings {
        var configuration: RPCServerConfiguration
        var logLevel: Logger.Level
        var database: String
        var auth: String?
    }

    /// The settings and the checklists to serve (nil when none were found; the reason is
    /// printed). Exits 2 on a config file or variable that cannot be used.
    func resolveSettings() async throws -> (ServeSettings, ChecklistLocator.Location?) {
        let environment = ProcessInfo.processInfo.environment
        let configFile: (path: String, origin: String)?
        if let config {
            configFile = (config, "--config")
        } else if let path = environment["HAZARD_CONFIG"], !path.isEmpty {
            configFile = (path, "HAZARD_CONFIG")
        } else {
            configFile = nil
        }
        let settings: ServeSettings
        do {
            settings = try await ServeSettings.resolve(flags: ServeFlags.given(in: self), environment: environment, configFile: configFile)
        } catch let error as ServeConfigErrors {
            printError(error.description)
            throw ExitCode(2)
        } catch let error as ServeSettings.Invalid {
            printError("error: \(error.message)")
            throw ExitCode(2)
        }
        let entry = settings.entry("checklists")
        var given: (paths: [String], origin: String)?
        if case .string(let text)? = entry.value { given = (ChecklistLocator.paths(in: text), settings.sourceText(entry)) }
        let consulted = [("--checklists", "not given"), ("HAZARD_CHECKLISTS", "not set"),
                         ("config file", configFile == nil ? "none given (--config FILE or HAZARD_CONFIG)" : "no \"checklists\" in \(configFile?.path ?? "")")]
        do {
            return (settings, try ChecklistLocator.current.locate(given: given, consulted: consulted))
        } catch let error as ChecklistLocator.NotFound {
            printError(error.description)
        } catch let error as ChecklistLocator.Missing {
            printError(error.description)
        }
        return (settings, nil)
    }

    /// `--print-config`: one line per setting with its value and source. Paths are printed,
    /// never what the files hold (the token file's hashes stay in the token file).
    func printConfiguration(_ settings: ServeSettings, checklists: ChecklistLocator.Location?) {
        if let file = settings.file {
            print("# config file: \(file.checked.path) (from \(file.origin))")
        } else {
            print("# config file: none (--config FILE or HAZARD_CONFIG)")
        }
        print("# precedence: flag > environment (HAZARD_*) > config file > default")
        var rows = [["SETTING", "VALUE", "SOURCE"]]
        for entry in settings.entries {
            var value = entry.value.map(ServeSettings.text) ?? "-"
            var source = settings.sourceText(entry)
            if entry.setting.key == "checklists" {
                value = checklists?.paths.joined(separator: ":") ?? "none found"
                if let checklists, entry.source == .unset { source = "found: \(checklists.source)" }
            }
            rows.append([entry.setting.key, value, source])
        }
        for line in Table.render(rows) { print(line) }
    }

    /// Converts the values `RPCServerConfiguration` takes, naming where a wrong one came from
    /// (`HAZARD_IDLE_TIMEOUT=0: …`; exit 2). Ranges are checked by its `validate(authenticated:)`.
    func validated(_ settings: ServeSettings) throws -> CheckedSettings {
        func invalid(_ key: String, _ message: String) -> ExitCode {
            printError("error: \(settings.origin(key)): \(message)")
            return ExitCode(2)
        }
        func seconds(_ key: String, _ name: String) throws -> Duration {
            do { return try RPCServerConfiguration.timeout(name, seconds: settings.double(key)) } catch {
                throw invalid(key, error.message)
            }
        }
        let levelName = settings.string("log_level") ?? "info"
        guard let level = Logger.Level(rawValue: levelName) else {
            throw invalid("log_level", "must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let maxFrame = settings.int("max_frame"), outputHighWater = settings.int("output_high_water")
        let configuration = RPCServerConfiguration(
            host: settings.string("host") ?? "127.0.0.1", port: settings.int("port"), maxFrameLength: maxFrame,
            maxConnections: settings.int("max_connections"),
            idleTimeout: try seconds("idle_timeout", "idle timeout"),
            maxResponseLength: settings.int("max_response"), outputHighWater: outputHighWater, outputLowWater: max(1, outputHighWater / 4),
            authTimeout: try seconds("auth_timeout", "auth timeout"),
            maxUnauthenticatedConnections: settings.int("max_unauthenticated"),
            maxUnauthenticatedPerAddress: settings.int("max_unauthenticated_per_address"),
            unauthenticatedMaxFrameLength: min(settings.int("max_frame_unauthenticated"), maxFrame),
            shutdownTimeout: try seconds("shutdown_timeout", "shutdown timeout"))
        return CheckedSettings(configuration: configuration, logLevel: level, database: settings.string("database") ?? "./hazard.sqlite",
                               auth: settings.string("auth"))
    }
}
