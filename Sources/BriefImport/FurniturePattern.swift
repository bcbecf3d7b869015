import Foundation

/// A sidecar `furniture` pattern, refused when it can backtrack catastrophically. ICU (behind
/// NSRegularExpression) backtracks without limit, so `(.*a){20}$` takes minutes on one line; the shapes
/// that do this are a repeat inside a repeated group, alternatives inside a repeated group, back-
/// references, and many unbounded repeats in a row. None is needed to name a running header or footer.
public enum FurniturePattern {
    /// Unbounded repeats (`*`, `+`, `{n,}`) allowed in one pattern.
    static let maximumUnboundedRepeats = 4

    /// The compiled pattern, or why it is refused (a sentence for the author).
    public static func compile(_ pattern: String) -> Result<NSRegularExpression, FurniturePatternError> {
        if let problem = backtrackingProblem(in: pattern) { return .failure(FurniturePatternError(message: "furniture pattern '\(pattern)' \(problem)")) }
        do {
            return .success(try NSRegularExpression(pattern: pattern))
        } catch {
            return .failure(FurniturePatternError(message: "invalid furniture pattern '\(pattern)': not a regular expression"))
        }
    }

    /// Why `pattern` may take exponential or high-polynomial time, or nil.
    static func backtrackingProblem(in pattern: String) -> String? {
        struct Group { var repeats = false; var alternatives = false }
        let characters = Array(pattern.unicodeScalars)
        var stack = [Group()]
        var unbounded = 0
        var index = 0
        /// Whether a quantifier starts at `index`, and whether it repeats more than once.
        func quantifier(at index: Int) -> (repeats: Bool, unbounded: Bool)? {
            guard index < characters.count else { return nil }
            switch characters[index] {
            case "*", "+": return (true, true)
            case "?": return (false, false)
            case "{":
                var end = index + 1
                var body = ""
                while end < characters.count, characters[end] != "}" { body.unicodeScalars.append(characters[end]); end += 1 }
                let parts = body.split(separator: ",", omittingEmptySubsequences: false)
                guard end < characters.count, !parts.isEmpty, parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }), !parts[0].isEmpty else { return nil }
                if parts.count == 2, parts[1].isEmpty { return (true, true) }
                let high = Int(parts.last ?? "") ?? 0
                return (high > 1, false)
            default: return nil
            }
        }
        while index < characters.count {
            let character = characters[index]
            switch character {
            case "\\":
                if index + 1 < characters.count, ("1"..."9").contains(characters[index + 1]) || characters[index + 1] == "k" {
                    return "uses a back-reference, which can take exponential time: write the text out instead"
                }
                index += 2
                if let found = quantifier(at: index), found.repeats { stack[stack.count - 1].repeats = true; unbounded += found.unbounded ? 1 : 0 }
                continue
            case "[":
                // A character class is one atom: skip to its `]` (a `]` first in the class is literal).
                index += 1
                if index < characters.count, characters[index] == "^" { index += 1 }
                if index < characters.count, characters[index] == "]" { index += 1 }
                while index < characters.count, characters[index] != "]" { index += characters[index] == "\\" ? 2 : 1 }
            case "(":
                stack.append(Group())
            case ")":
                guard stack.count > 1 else { break }
                let group = stack.removeLast()
                if let found = quantifier(at: index + 1), found.repeats {
                    if group.repeats { return "repeats a group that itself holds a repeat, which can take exponential time: write it without the outer repeat" }
                    if group.alternatives { return "repeats a group of alternatives, which can take exponential time: use a character class or write it without the repeat" }
                    stack[stack.count - 1].repeats = true
                    unbounded += found.unbounded ? 1 : 0
                }
                stack[stack.count - 1].repeats = stack[stack.count - 1].repeats || group.repeats
                stack[stack.count - 1].alternatives = stack[stack.count - 1].alternatives || (group.alternatives && stack.count > 1)
                index += 1
                continue
            case "|":
                stack[stack.count - 1].alternatives = true
            default:
                break
            }
            index += 1
            if let found = quantifier(at: index), found.repeats, character != "(" {
                stack[stack.count - 1].repeats = true
                unbounded += found.unbounded ? 1 : 0
            }
        }
        if unbounded > maximumUnboundedRepeats {
            return "has \(unbounded) unbounded repeats ('*', '+'), which can take very long to match: use at most \(maximumUnboundedRepeats)"
        }
        return nil
    }
}

/// Why a furniture pattern is refused.
public struct FurniturePatternError: Error, Hashable, Sendable {
    public var message: String
}
