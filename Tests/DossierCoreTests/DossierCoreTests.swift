import DossierCore
import Testing

@Suite struct RouteTests {
    @Test func relativeURLsBetweenPages() {
        let commentary = Route(page: "commentary/a")
        #expect(commentary.relativeURL(to: Route(page: "topics/b")) == "../../topics/b/index.html")
        #expect(commentary.relativeURL(to: .home) == "../../index.html")
        #expect(Route.home.relativeURL(to: Route(page: "topics/b"), fragment: "x") == "topics/b/index.html#x")
        #expect(commentary.relativeURL(to: Route(file: "assets/site.css")) == "../../assets/site.css")
        #expect(Route(page: "topics").relativeURL(to: Route(page: "topics/b")) == "b/index.html")
        #expect(Route(page: "topics/b").relativeURL(to: Route(page: "topics")) == "../index.html")
    }

    /// The byte-level relative path agrees with the plain component-by-component definition.
    @Test func relativePathsAgreeWithComponentDefinition() {
        let names = ["a", "ab", "b", "topics", "index.html", "x.css", "é"]
        var generator = SystemRandomNumberGenerator()
        func randomPath(_ maximum: Int) -> String {
            (0..<Int.random(in: 1...maximum, using: &generator)).map { _ in names.randomElement(using: &generator) ?? "a" }.joined(separator: "/")
        }
        for _ in 0..<2_000 {
            let directory = Bool.random(using: &generator) ? "" : randomPath(3)
            let file = randomPath(4)
            let fromParts = directory.split(separator: "/")
            let toParts = file.split(separator: "/")
            var common = 0
            while common < fromParts.count, common < toParts.count - 1, fromParts[common] == toParts[common] { common += 1 }
            let expected = (Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init)).joined(separator: "/")
            #expect(Route.relativePath(from: directory, to: file) == expected, "from \(directory) to \(file)")
        }
    }

    @Test func absoluteURLsDropIndex() {
        #expect(Route(page: "topics/b").absoluteURL(base: "https://e.org/site") == "https://e.org/site/topics/b/")
        #expect(Route.home.absoluteURL(base: "https://e.org/") == "https://e.org/")
        #expect(Route(file: "feed.xml").absoluteURL(base: "https://e.org/") == "https://e.org/feed.xml")
    }
}

@Suite struct PathTests {
    @Test func resolvesRelativePaths() {
        #expect(Path.resolve("../index.md", from: "content/pages") == "content/index.md")
        #expect(Path.resolve("../index.md", from: "/tmp/p/content/pages") == "/tmp/p/content/index.md")
        #expect(Path.resolve("/topics/", from: "commentary/a") == "topics")
        #expect(Path.resolve("../../..", from: "a/b") == nil)
    }

    @Test func normalizesEmptyAndDotSegments() {
        let cases = ["": "", "/": "/", "a": "a", "a/": "a", "/a": "/a", "//a": "/a", "a//b": "a/b", "./a": "a",
                     "a/./b": "a/b", "a/.": "a", ".": "", "..": "..", "a/../b": "a/../b", ".a/b.": ".a/b.", "a/b/": "a/b"]
        for (path, expected) in cases {
            #expect(Path.normalize(path) == expected, "\(path)")
        }
    }
}

@Suite struct LineIndexTests {
    @Test func positionsCountCharactersNotBytes() {
        let index = LineIndex("ab\nçé x\n")
        #expect(index.position(ofUTF8Offset: 0) == TextPosition(line: 1, column: 1))
        #expect(index.position(ofUTF8Offset: 3) == TextPosition(line: 2, column: 1))
        #expect(index.position(ofUTF8Offset: 8) == TextPosition(line: 2, column: 4))
        #expect(index.line(2) == "çé x")
    }
}

@Suite struct WikiLinkTests {
    @Test func parsesTargetsFragmentsAndText() throws {
        let matches = WikiLink.scan("See [[china]], [[brief#p12-p14|the brief]] and [[note#way-forward]].")
        let links = try matches.map { try $0.result.get() }
        #expect(links.map(\.target) == ["china", "brief", "note"])
        #expect(links[1].fragment == .paragraphs(12...14))
        #expect(links[1].text == "the brief")
        #expect(links[2].fragment == .anchor("way-forward"))
    }

    @Test func reportsMalformedLinks() {
        let messages = WikiLink.scan("[[a#p5-p2]] [[ ]] [[a b]] [[open").compactMap { match -> String? in
            if case .failure(let error) = match.result { return error.message }
            return nil
        }
        #expect(messages.count == 4)
        #expect(messages[0].contains("reversed"))
        #expect(messages[3].contains("unclosed"))
    }

    @Test func slugsMayBeUnicodeLettersButNotPunctuation() {
        let results = WikiLink.scan("[[café]] [[日本#p2|Japan]] [[a.b]] [[x|y|z]] [[a%20b]]").map(\.result)
        #expect((try? results[0].get())?.target == "café")
        #expect((try? results[1].get()).map { [$0.target, $0.text ?? ""] } == ["日本", "Japan"])
        #expect(throws: WikiLinkSyntaxError.self) { try results[2].get() }
        // Only the first bar separates the text, which may hold more bars.
        #expect((try? results[3].get()).map { [$0.target, $0.text ?? ""] } == ["x", "y|z"])
        #expect(throws: WikiLinkSyntaxError.self) { try results[4].get() }
    }
}

@Suite struct SourceTextTests {
    @Test func dropsBOMAndNormalisesLineEndings() throws {
        #expect(try SourceText.decode([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc".utf8), path: "x").get() == "a\nb\nc")
    }

    @Test func invalidUTF8IsPositioned() {
        guard case .failure(let diagnostic) = SourceText.decode(Array("ok\nab".utf8) + [0xFF], path: "c.md") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.description == "c.md:2:3: error: invalid UTF-8 (source files must be UTF-8 text)")
    }

    @Test func binaryIsRejected() {
        guard case .failure(let diagnostic) = SourceText.decode([0x89, 0x50, 0x00, 0x01], path: "x.md") else {
            Issue.record("expected failure")
            return
        }
        #expect(diagnostic.message.contains("not a text file"))
    }
}

@Suite struct SentenceTests {
    @Test func splitsOnSentenceEndsButNotAbbreviations() {
        #expect(Sentences.split("The U.S. Navy sails. Japan pays more! Why? Because.") == [
            "The U.S. Navy sails.", "Japan pays more!", "Why?", "Because.",
        ])
    }

    @Test func findsTheSentenceAtAnOffset() {
        let text = "One here. Two there. Three."
        #expect(Sentences.sentence(in: text, containing: 12) == "Two there.")
    }

    @Test func endsAfterClosingQuotesAndBeforeAccentedCapitalsAndOpeners() {
        #expect(Sentences.split("He said “never.” Élysée answered. (Then) nothing happened.") == [
            "He said “never.”", "Élysée answered.", "(Then) nothing happened.",
        ])
        // A capital written as a letter and a combining accent still starts a sentence.
        #expect(Sentences.split("Tokyo agreed. E\u{301}tienne disagreed.").count == 2)
    }

    @Test func keepsInitialsTitlesAndLowerCaseContinuations() {
        #expect(Sentences.split("Dr. Abe met J. Smith. the talks went on. 2024 was busy.") == [
            "Dr. Abe met J. Smith. the talks went on.", "2024 was busy.",
        ])
    }

    @Test func offsetsCountUnicodeScalars() {
        // "Café — ok." is 10 scalars, plus the space: the second sentence starts at 11.
        let text = "Café — ok. Next one."
        #expect(Sentences.spans(text).map(\.end) == [11, Int.max])
        #expect(Sentences.sentence(in: text, containing: 10) == "Café — ok.")
        #expect(Sentences.sentence(in: text, containing: 11) == "Next one.")
    }
}

@Suite struct SlugTests {
    @Test func makesSlugs() {
        #expect(Slug.make(from: "Way Forward") == "way-forward")
        #expect(Slug.make(from: "U.S.–Japan: Ōkinawa's bases") == "u-s-japan-okinawas-bases")
        #expect(Slug.isValid("host-nation-support"))
        #expect(!Slug.isValid("../etc"))
        #expect(!Slug.isValid("a/b"))
    }
}

@Suite struct UniqueSluggerTests {
    @Test func headingsNeverTakeParagraphAnchorsOrEachOthersIDs() {
        var slugger = UniqueSlugger(reserved: ["main"])
        #expect(slugger.slug(for: "P12") == "s-p12")
        #expect(slugger.slug(for: "p") == "p")
        #expect(slugger.slug(for: "p1x") == "p1x")
        #expect(slugger.slug(for: "Main") == "main-2")
        #expect(slugger.slug(for: "Main") == "main-3")
        #expect(slugger.slug(for: "¶ ¶") == "section")
    }
}

@Suite struct ImageSizeTests {
    @Test func pngGifJpegWebpAndSvgHeaders() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8) + [0, 0, 1, 44, 0, 0, 0, 200]
        #expect(ImageSize.read(png, fileExtension: "PNG") == ImageSize(width: 300, height: 200))
        let gif = Array("GIF89a".utf8) + [0x40, 0x01, 0xF0, 0x00]
        #expect(ImageSize.read(gif, fileExtension: "gif") == ImageSize(width: 320, height: 240))
        // SOI, an APP0 segment of 16 bytes, then SOF0: length, precision, height 480, width 640.
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14) + [0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0xE0, 0x02, 0x80]
        #expect(ImageSize.read(jpeg, fileExtension: "jpeg") == ImageSize(width: 640, height: 480))
        let lossless = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8L".utf8) + [0, 0, 0, 0, 0x2F]
            + [UInt8(99 & 0xFF), UInt8((99 >> 8) | ((49 & 0x03) << 6)), UInt8((49 >> 2) & 0xFF), UInt8(49 >> 10), 0, 0, 0, 0, 0]
        #expect(ImageSize.read(lossless, fileExtension: "webp") == ImageSize(width: 100, height: 50))
        let extended = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [10, 0, 0, 0, 0, 0, 0, 0] + [0x1F, 0x03, 0x00, 0xFF, 0x01, 0x00, 0, 0, 0]
        #expect(ImageSize.read(extended, fileExtension: "webp") == ImageSize(width: 800, height: 512))
        #expect(ImageSize.read(Array("<svg width=\"120px\" height='60'>".utf8), fileExtension: "svg") == ImageSize(width: 120, height: 60))
        #expect(ImageSize.read(Array("<svg stroke-width=\"3\" viewBox=\"0 0 24.4 12\">".utf8), fileExtension: "svg") == ImageSize(width: 24, height: 12))
    }

    @Test func truncatedOrForeignFilesHaveNoSize() {
        #expect(ImageSize.read([0x89, 0x50], fileExtension: "png") == nil)
        #expect(ImageSize.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00], fileExtension: "jpg") == nil)
        #expect(ImageSize.read(Array("GIF89a".utf8), fileExtension: "gif") == nil)
        #expect(ImageSize.read(Array("<svg width=\"100%\">".utf8), fileExtension: "svg") == nil)
        #expect(ImageSize.read(Array("hello".utf8), fileExtension: "pdf") == nil)
    }
}
