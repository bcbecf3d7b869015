/// An image's intrinsic size in CSS pixels, read from its file header so pages reserve its space.
public struct ImageSize: Sendable, Hashable {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The size of a PNG, JPEG, GIF, WebP or SVG file, by its extension; nil when the format is
    /// another or the header does not say (an SVG without width/height or viewBox).
    public static func read(_ bytes: [UInt8], fileExtension: String) -> ImageSize? {
        switch fileExtension.lowercased() {
        case "png": png(bytes)
        case "jpg", "jpeg": jpeg(bytes)
        case "gif": gif(bytes)
        case "webp": webp(bytes)
        case "svg": svg(bytes)
        default: nil
        }
    }

    /// Extensions whose size `read` knows.
    public static let extensions: Set<String> = ["png", "jpg", "jpeg", "gif", "webp", "svg"]

    private static func valid(_ width: Int, _ height: Int) -> ImageSize? {
        width > 0 && height > 0 ? ImageSize(width: width, height: height) : nil
    }

    private static func bigEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= bytes.count else { return nil }
        return bytes[at..<at + count].reduce(0) { $0 << 8 | Int($1) }
    }

    private static func littleEndian(_ bytes: [UInt8], _ at: Int, _ count: Int) -> Int? {
        guard at >= 0, at + count <= bytes.count else { return nil }
        return bytes[at..<at + count].reversed().reduce(0) { $0 << 8 | Int($1) }
    }

    /// Signature, then the IHDR chunk: width and height as 4-byte big-endian numbers.
    static func png(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), bytes.count >= 24,
              Array(bytes[12..<16]) == Array("IHDR".utf8),
              let width = bigEndian(bytes, 16, 4), let height = bigEndian(bytes, 20, 4)
        else { return nil }
        return valid(width, height)
    }

    /// `GIF87a`/`GIF89a`, then the logical screen size as 2-byte little-endian numbers.
    static func gif(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)),
              let width = littleEndian(bytes, 6, 2), let height = littleEndian(bytes, 8, 2)
        else { return nil }
        return valid(width, height)
    }

    /// Walks the markers to the first start-of-frame (SOF0–SOF15 except DHT, JPG and DAC).
    static func jpeg(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.starts(with: [0xFF, 0xD8]) else { return nil }
        var index = 2
        while index + 3 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }  // fill byte
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            guard let length = bigEndian(bytes, index + 2, 2), length >= 2 else { return nil }
            if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                guard let height = bigEndian(bytes, index + 5, 2), let width = bigEndian(bytes, index + 7, 2) else { return nil }
                return valid(width, height)
            }
            index += 2 + length
        }
        return nil
    }

    /// RIFF/WEBP with a VP8 (lossy), VP8L (lossless) or VP8X (extended) first chunk.
    static func webp(_ bytes: [UInt8]) -> ImageSize? {
        guard bytes.count >= 30, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) else { return nil }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            guard bytes[23] == 0x9D, bytes[24] == 0x01, bytes[25] == 0x2A,
                  let width = littleEndian(bytes, 26, 2), let height = littleEndian(bytes, 28, 2)
            else { return nil }
            return valid(width & 0x3FFF, height & 0x3FFF)
        case "VP8L":
            guard bytes[20] == 0x2F, let bits = littleEndian(bytes, 21, 4) else { return nil }
            return valid((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
        case "VP8X":
            guard let width = littleEndian(bytes, 24, 3), let height = littleEndian(bytes, 27, 3) else { return nil }
            return valid(width + 1, height + 1)
        default:
            return nil
        }
    }

    /// The root `<svg>` element's `width`/`height` (plain or `px` numbers), else its `viewBox`.
    static func svg(_ bytes: [UInt8]) -> ImageSize? {
        let text = String(decoding: bytes.prefix(8192), as: UTF8.self)
        guard let open = text.firstRange(of: "<svg") else { return nil }
        guard let close = text[open.upperBound...].firstIndex(of: ">") else { return nil }
        let tag = text[open.upperBound..<close]
        if let width = attribute("width", in: tag).flatMap(pixels), let height = attribute("height", in: tag).flatMap(pixels) {
            return valid(width, height)
        }
        guard let box = attribute("viewBox", in: tag) else { return nil }
        let numbers = box.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        guard numbers.count == 4 else { return nil }
        return valid(Int(numbers[2].rounded()), Int(numbers[3].rounded()))
    }

    private static func attribute(_ name: String, in tag: Substring) -> String? {
        var search = tag[...]
        while let found = search.firstRange(of: name + "=") {
            let before = found.lowerBound == tag.startIndex ? " " : tag[tag.index(before: found.lowerBound)]
            let rest = tag[found.upperBound...]
            search = rest
            guard before.isWhitespace, let quote = rest.first, quote == "\"" || quote == "'" else { continue }
            let value = rest.dropFirst()
            guard let end = value.firstIndex(of: quote) else { return nil }
            return String(value[..<end])
        }
        return nil
    }

    private static func pixels(_ text: String) -> Int? {
        let number = text.hasSuffix("px") ? String(text.dropLast(2)) : text
        return Double(number.trimmingCharacters(in: " ")).map { Int($0.rounded()) }
    }
}
