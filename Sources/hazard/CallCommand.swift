import ArgumentParser
import Foundation
import HazardJSON
import HazardRPC

struct CallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "call",
        abstract: "Call one method of a running `hazard serve` and print the result as JSON.",
        discussion: """
            PARAMS_JSON '-' reads the params from standard input. Exits 1 on an RPC error, printing it to stderr, \
            and when the server cannot be reached ("cannot connect to 127.0.0.1:7420 (connection refused): \
            is `hazard serve` running?").

            Example:
              hazard call hazard.grade '{"checklist":"urban-gas-2023","answers":{"has_emergency_plan":false}}'
            """
    )

    @Option(help: "Server address.")
    var host = "127.0.0.1"

    @Option(help: "Server port.")
    var port = RPCServerConfiguration.defaultPort

    @Option(help: "Token to authenticate with first (default: $HAZARD_TOKEN).")
    var token: String?

    @Argument(help: "Method name, e.g. engine.info, checklists.list, hazard.grade.")
    var method: String

    @Argument(help: "Params as a JSON object (default {}; '-' reads standard input).")
    var params: String?

    func run() async throws {
        let text: String
        if params == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            text = params ?? "{}"
        }
        let value: JSONValue
        do { value = try JSONReader.read(text) } catch {
            throw ValidationError("PARAMS_JSON is not JSON: \(error)")
        }
        let token = self.token ?? ProcessInfo.processInfo.environment["HAZARD_TOKEN"]
        let method = self.method
        do {
            let result = try await RPCClient.withConnection(host: host, port: port) { client in
                if let token { _ = try await client.call("session.authenticate", .object(["token": .string(token)])) }
                return try await client.call(method, value)
            }
            print(JSONWriter.string(result))
        } catch let error as RPCError {
            printError("error \(error.code): \(error.message)" + (error.data.map { " " + JSONWriter.string($0) } ?? ""))
            throw ExitCode(1)
        } catch let error as RPCSocketError {
            printError("error: \(error.message)")
            throw ExitCode(1)
        } catch RPCClientError.connectionClosed {
            printError("error: \(host):\(port) closed the connection before answering: is it a `hazard serve`, and was the request within its limits (--max-frame)? Its log says why")
            throw ExitCode(1)
        }
    }
}
