/// Dates as readers say them: `2024-11-25` → "25 November 2024".
enum ReadableDate {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                             "September", "October", "November", "December"]

    /// The day, month name and year of `YYYY-MM-DD` (or of its first ten characters); nil otherwise.
    static func label(_ day: String?) -> String? {
        guard let parts = day?.prefix(10).split(separator: "-"), parts.count == 3,
              let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]), (1...12).contains(month) else { return nil }
        return "\(date) \(monthNames[month - 1]) \(year)"
    }
}
