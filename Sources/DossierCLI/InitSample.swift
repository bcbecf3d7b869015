/// The content `dossier init` writes: small, but every kind of file once, and each passes the
/// quotation and citation checks so the new site builds and checks clean before it is edited.
enum InitSample {
    /// Paths under `content/` and their text; `today` dates the sample commentary.
    static func files(today: String) -> [(path: String, text: String)] {
        [
            ("site.yml", """
            title: My Dossier
            description: Policy briefs and commentary on them, linked paragraph by paragraph.
            language: en
            author: The editors
            # base_url: the address the site is published at, ending in "/". Set it to get the feeds,
            # the sitemap and canonical links; every other link in the site is relative.
            # base_url: https://example.org/my-dossier/

            """),
            ("index.md", """
            ---
            title: My Dossier
            summary: Policy briefs and commentary on them, linked paragraph by paragraph.
            ---
            This site was made by `dossier init`. Replace the sample brief in `content/briefs/` with your own
            (`dossier import brief.pdf`), then write commentary that cites its paragraphs.

            """),
            ("pages/about.md", """
            ---
            title: About
            summary: What this site holds and how it is made.
            ---
            The briefs are reproduced as received; the commentary is the editors' own. Every quotation in
            the commentary is checked against the paragraph it cites when the site is built.

            """),
            ("briefs/sample-brief.txt", """
            SUMMARY

            A policy brief argues one point in a few pages. Each of its paragraphs gets a number, so that \
            commentary can cite the exact paragraph it discusses.

            Quotations are checked against the cited paragraph whenever the site is built, so a misquotation \
            never reaches readers.

            """),
            ("briefs/sample-brief.yml", """
            # The sidecar of sample-brief.txt: what the text itself does not say. `dossier import` writes one for you.
            title: 'How a Brief Is Cited'
            authors:
              - 'Sam Sample'
            publisher: 'Sample Institute'
            date: '\(today.prefix(7))'
            cite_as: 'Sample \(today.prefix(4))'

            """),
            ("topics/citation.md", """
            ---
            title: Citation
            summary: How commentary points readers to the exact paragraph it discusses.
            phrases: [cite, cited paragraph]
            ---
            A topic gathers the brief paragraphs whose words match its phrases, and the commentary that \
            discusses it. The sample brief explains why each paragraph is numbered [[sample-brief#p1]].

            """),
            ("authors/editor.md", """
            ---
            name: Sam Editor
            role: Editor
            ---
            Replace this with a short biography. Commentary names its authors with `authors: [editor]`.

            """),
            ("commentary/first-note.md", """
            ---
            title: A first note
            date: \(today)
            summary: What the sample brief says about citing paragraphs.
            topics: [citation]
            authors: [editor]
            ---
            The sample brief says that each paragraph "gets a number" [[sample-brief#p1]]. It adds that \
            quotations are "checked against the cited paragraph" [[sample-brief#p2]]; this sentence passes \
            that check because the quoted words are in ¶2.

            """),
        ]
    }
}
