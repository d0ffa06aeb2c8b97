import Foundation
import HazardJSON

/// Diagnostics go to stderr so stdout stays machine-readable.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

/// Prints `value`, a type's one wire encoding (what the RPC returns, described by
/// `rpc/schema/`), indented for people: the same members, order and values as the compact text.
func printJSON(_ value: JSONValue) {
    print(value.prettyText)
}
