import DossierCore
import Foundation

/// Prints diagnostics to standard error, compiler style, each on one line with control characters
/// escaped (a file name may hold a newline or ESC).
enum DiagnosticPrinter {
    static func print(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics {
            FileHandle.standardError.write(Data((diagnostic.description.escapedForTerminal + "\n").utf8))
        }
    }

    /// Writes a line to standard output at once (no buffering), so a long-running preview reports as it goes.
    static func say(_ line: String) {
        FileHandle.standardOutput.write(Data((line.escapedForTerminal + "\n").utf8))
    }

    static func printSummary(errors: Int, warnings: Int) {
        guard errors + warnings > 0 else { return }
        let text = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
        FileHandle.standardError.write(Data(text.utf8))
    }
}
