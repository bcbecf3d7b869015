import Foundation

/// What a corpus brief really holds, read from its `truth.json` (written from the brief's source).
struct CorpusTruth: Decodable {
    struct Block: Decodable {
        var kind: String
        var text: String?
        var rows: [[String]]?
    }

    struct Note: Decodable {
        var number: Int
        var text: String
    }

    var title: String
    var subtitle: String?
    var authors: [String]
    var date: String
    var dateISO: String
    var headings: [String]
    var paragraphs: [Block]
    var notes: [Note]
    var backMatter: [String]
    var furniture: [String]

    enum CodingKeys: String, CodingKey {
        case title, subtitle, authors, date, headings, paragraphs, notes, furniture
        case dateISO = "date_iso"
        case backMatter = "back_matter"
    }

    static func load(_ path: String) throws -> CorpusTruth {
        try JSONDecoder().decode(CorpusTruth.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
    }
}
