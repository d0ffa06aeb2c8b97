import Foundation

/// The terminal of `hazard inspect`: prompts to stdout, answers from stdin, one line each.
/// Works the same on a terminal and on piped input; on piped input the answer read is echoed
/// after the prompt, so a transcript reads as a session would.
struct InspectConsole {
    let echoes: Bool

    init() { echoes = isatty(STDIN_FILENO) == 0 }

    func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Shows `prompt` and reads one line (without its newline, trimmed); nil at end of input.
    func ask(_ prompt: String) -> String? {
        // Unbuffered, so the prompt shows before the read blocks (stdout is block-buffered on a pipe).
        FileHandle.standardOutput.write(Data(prompt.utf8))
        guard let line = readLine(strippingNewline: true) else {
            say("")
            return nil
        }
        if echoes { say(line) }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
