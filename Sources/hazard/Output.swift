import Foundation

/// Diagnostics go to stderr so stdout stays machine-readable.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
