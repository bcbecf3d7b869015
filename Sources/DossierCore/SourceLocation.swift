/// A 1-based place in a source file, printed `path:line:column`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the project root, e.g. `content/commentary/x.md`.
    public var path: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode characters.
    public var column: Int

    /// Creates a location; line and column are 1-based.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`.
    public var description: String { "\(path):\(line):\(column)" }

    /// The line and column without the path.
    public var textPosition: TextPosition { TextPosition(line: line, column: column) }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}

/// A line and column inside a text whose path is not yet known (parsers report these).
public struct TextPosition: Hashable, Sendable, Comparable {
    /// 1-based line.
    public var line: Int
    /// 1-based column in Unicode characters.
    public var column: Int

    /// Creates a position; both are 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// Attaches a path, making a full location.
    public func located(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// This position moved down by `lines` lines (for fragments embedded in a larger file).
    public func offset(byLines lines: Int) -> TextPosition {
        TextPosition(line: line + lines, column: column)
    }

    public static func < (lhs: TextPosition, rhs: TextPosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
