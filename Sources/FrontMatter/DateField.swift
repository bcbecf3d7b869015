import DossierCore

/// A front-matter date: the calendar day shown on pages, and the whole date-time when one was written.
public struct DateField: Sendable, Hashable {
    /// `YYYY-MM-DD`.
    public var day: String
    /// RFC 3339 (`2024-11-25T10:00:00+09:00`) when a time was written; nil for a bare date.
    public var dateTime: String?

    /// Creates a date.
    public init(day: String, dateTime: String?) {
        self.day = day
        self.dateTime = dateTime
    }

    /// Reads `2024-11-25`, RFC 3339 (`2024-11-25T10:00:00Z`, `…T10:00+09:00`, fractions of a second) and
    /// the Hugo/Jekyll form `2024-11-25 10:00[:00] [+0900]`; the error says in plain words what is wrong.
    public static func parse(_ text: String) -> Result<DateField, DateProblem> {
        let trimmed = text.trimmingCharacters(in: " \t")
        let utf8 = Array(trimmed.utf8)
        guard utf8.count >= 10, let day = calendarDay(String(decoding: utf8[0..<10], as: UTF8.self)) else {
            return .failure(DateProblem("must be a date written YYYY-MM-DD (or with a time: 2024-11-25T10:00:00Z, 2024-11-25 10:00:00 +0900), found '\(text)'"))
        }
        switch day {
        case .failure(let problem): return .failure(problem)
        case .success(let dayText):
            guard utf8.count > 10 else { return .success(DateField(day: dayText, dateTime: nil)) }
            guard utf8[10] == UInt8(ascii: "T") || utf8[10] == UInt8(ascii: "t") || utf8[10] == UInt8(ascii: " ") else {
                return .failure(DateProblem("must be a date written YYYY-MM-DD, found '\(text)'"))
            }
            let rest = String(decoding: utf8[11...], as: UTF8.self).trimmingCharacters(in: " ")
            switch time(rest) {
            case .failure(let problem): return .failure(problem)
            case .success(let time): return .success(DateField(day: dayText, dateTime: dayText + "T" + time))
            }
        }
    }

    /// The `YYYY-MM-DD` prefix checked against the calendar; nil when it is not even shaped like a date.
    private static func calendarDay(_ text: String) -> Result<String, DateProblem>? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        guard (1...12).contains(month) else { return .failure(DateProblem("\(text): there is no month \(month) (months run 01 to 12)")) }
        let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day >= 1, day <= lengths[month - 1] else {
            return .failure(DateProblem("\(text): \(monthNames[month - 1]) \(year) has \(lengths[month - 1]) days"))
        }
        return .success(text)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]

    /// `HH:MM[:SS[.fff]]` then `Z`, `±HH:MM`, `±HHMM` or nothing (read as UTC); returns RFC 3339's time part.
    private static func time(_ text: String) -> Result<String, DateProblem> {
        var clock = Substring(text)
        var zone = "Z"
        if clock.hasSuffix("Z") || clock.hasSuffix("z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = clock[clock.index(after: sign)...].filter { $0 != ":" }
            guard offset.count == 4, let hours = Int(offset.prefix(2)), let minutes = Int(offset.suffix(2)), hours <= 14, minutes < 60 else {
                return .failure(DateProblem("the time zone '\(clock[sign...])' must be written +HH:MM or +HHMM (such as +09:00 or -0500)"))
            }
            zone = "\(clock[sign])\(offset.prefix(2)):\(offset.suffix(2))"
            clock = clock[..<sign]
        }
        clock = Substring(clock.trimmingCharacters(in: " "))
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields[0].count == 2, fields[1].count == 2,
              let hour = Int(fields[0]), let minute = Int(fields[1])
        else { return .failure(DateProblem("the time '\(text)' must be written HH:MM or HH:MM:SS, then Z or an offset such as +09:00")) }
        var seconds = "00"
        if fields.count == 3 {
            let whole = fields[2].prefix { $0 != "." }
            guard whole.count == 2, let value = Int(whole), value <= 60, fields[2].dropFirst(2).allSatisfy({ $0 == "." || $0.isNumber }) else {
                return .failure(DateProblem("the seconds in '\(text)' must be two digits"))
            }
            seconds = String(fields[2])
        }
        guard hour < 24, minute < 60 else { return .failure(DateProblem("\(clock): there is no such time of day (hours run 00 to 23, minutes 00 to 59)")) }
        return .success("\(fields[0]):\(fields[1]):\(seconds)\(zone)")
    }
}

/// Why a date was refused, in plain words.
public struct DateProblem: Error, Sendable, Hashable {
    public var message: String
    init(_ message: String) { self.message = message }
}

extension FieldReader {
    /// A date or date-time field (see `DateField.parse`).
    public mutating func dateField(_ key: String) -> DateField? {
        guard let entry = value(key), !entry.isNull else { return nil }
        guard case .scalar(let text, _, let position) = entry else {
            report("'\(key)' must be a date written YYYY-MM-DD, found \(entry.kindDescription)", at: entry.position)
            return nil
        }
        switch DateField.parse(text) {
        case .success(let date): return date
        case .failure(let problem):
            let message = problem.message.hasPrefix("must") || problem.message.hasPrefix("the ") ? problem.message : "is not a real date (\(problem.message))"
            report("'\(key)' \(message)", at: position)
            return nil
        }
    }
}
