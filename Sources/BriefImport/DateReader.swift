/// Reads the dates briefs print (`November 2024`, `Nov. 5, 2024`, `14 January 2025`,
/// `Updated February 18, 2025`, `2025年3月14日`, `2024-11-05`) as `YYYY-MM-DD` or `YYYY-MM`,
/// the only forms a sidecar accepts; nil when the text is no date it can read for certain
/// (`03/04/2025` is March or April, so it is not guessed).
public enum DateReader {
    /// Words that may stand before a date on a masthead line.
    static let prefixes = ["updated", "published", "revised", "released", "dated", "issued", "date", "last updated"]

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The ISO form of a date, or nil.
    public static func iso(_ raw: String) -> String? {
        let text = withoutPrefix(raw)
        if let match = text.wholeMatch(of: /([0-9]{4})-([0-9]{1,2})(?:-([0-9]{1,2}))?/) {
            return make(year: Int(match.1), month: Int(match.2), day: match.3.flatMap { Int($0) }, hasDay: match.3 != nil)
        }
        if let match = text.wholeMatch(of: /([0-9]{4})\s*年\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?/) {
            return make(year: Int(match.1), month: Int(match.2), day: match.3.flatMap { Int($0) }, hasDay: match.3 != nil)
        }
        // Month first: `November 2024`, `Nov. 5, 2024`, `February 18th, 2025`.
        if let match = text.wholeMatch(of: /([A-Za-z]+)\.?\s+(?:([0-9]{1,2})(?:st|nd|rd|th)?,?\s+)?([0-9]{4})/) {
            return make(year: Int(match.3), month: month(String(match.1)), day: match.2.flatMap { Int($0) }, hasDay: match.2 != nil)
        }
        // Day first: `14 January 2025`, `14th Jan. 2025`.
        if let match = text.wholeMatch(of: /([0-9]{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+([0-9]{4})/) {
            return make(year: Int(match.3), month: month(String(match.2)), day: Int(match.1), hasDay: true)
        }
        return nil
    }

    /// Whether a whole line is a date this reader understands, with or without an `Updated` prefix.
    public static func isDateLine(_ text: String) -> Bool { iso(text) != nil }

    /// The text after `Updated`, `Published:` and the like.
    public static func withoutPrefix(_ raw: String) -> String {
        var text = Substring(raw.trimmingCharacters(in: " \t"))
        let lower = text.lowercased()
        for prefix in prefixes.sorted(by: { $0.count > $1.count }) where lower.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count)
            guard let first = rest.first, first == " " || first == ":" else { continue }
            text = rest.drop(while: { $0 == " " || $0 == ":" })
            if text.lowercased().hasPrefix("on ") { text = text.dropFirst(3) }
            break
        }
        return String(text)
    }

    private static func month(_ word: String) -> Int? {
        let lower = word.lowercased()
        guard lower.count >= 3, let index = monthNames.firstIndex(of: String(lower.prefix(3))) else { return nil }
        // The whole word must be the month's name or its abbreviation (`Sept`), not `Marching`.
        let full = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                    "october", "november", "december"][index]
        guard full.hasPrefix(lower) || lower == "sept" else { return nil }
        return index + 1
    }

    private static func make(year: Int?, month: Int?, day: Int?, hasDay: Bool) -> String? {
        guard let year, (1900...2199).contains(year), let month, (1...12).contains(month) else { return nil }
        let yearMonth = "\(year)-\(twoDigits(month))"
        guard hasDay else { return yearMonth }
        guard let day, day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return "\(yearMonth)-\(twoDigits(day))"
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop(while: { set.contains($0) }).reversed().drop(while: { set.contains($0) }).reversed())
    }
}
