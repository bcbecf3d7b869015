/// The small site the template reference is made from: every page kind once or twice, and every
/// optional value set somewhere (base URL, `extra:`, updated dates, authors, lists and headings),
/// so each variable a page builder sets shows up with an example.
enum ReferenceSample {
    /// `site.yml` with only what it must hold.
    static let bareSettings = "title: Sample Dossier\n"

    /// Paths under `content/` and their text.
    static let files: [String: String] = [
        "site.yml": """
        title: Sample Dossier
        description: Two briefs and the commentary on them.
        language: en
        author: The editors
        base_url: https://example.org/dossier/
        extra:
          motto: Read the sources
        """,
        "index.md": """
        ---
        title: Sample Dossier
        summary: Briefs and commentary, linked paragraph by paragraph.
        extra:
          banner: New this week
        ---
        Welcome. The briefs are reproduced whole.
        """,
        "pages/about.md": """
        ---
        title: About
        summary: Who makes this site.
        topics: [harbours]
        authors: [ann]
        extra:
          contact: editors@example.org
        ---
        ## Who

        The editors read every brief [[harbour-brief#p1]].

        ## How

        They cite paragraphs.

        ## Why

        So readers can check.
        """,
        "authors/ann.md": """
        ---
        name: Ann Editor
        role: Editor
        affiliation: Sample Institute
        url: https://example.org/ann
        extra:
          photo: ann.jpg
        ---
        Ann edits the commentary.
        """,
        "briefs/harbour-brief.txt": """
        SUMMARY

        Harbour fees rose sharply in the last year.¹ Every port fee now matters to shippers.

        THE TARIFF QUESTION

        The tariff question is separate: a duty on steel changes the calculation for
        exporters.

        • Exporters pay first.

        • Buyers pay later.

        2 | Trade Program November 2024

        RECOMMENDATIONS

        Lower the duty. A lower tariff would help both sides of the trade and ease
        pressure on the harbours.

        1. Publish every port fee.

        2. Review the fees each year.

        | Year | Fee |
        | 2023 | 10 |
        | 2024 | 14 |

        Notes

        1. Port authority figures, 2024.
        """,
        "briefs/harbour-brief.yml": """
        title: Harbours and Tariffs
        subtitle: What the fees cost
        authors: [Jane Doe, Joe Roe]
        publisher: Sample Institute
        program: Trade Program
        date: 2024-11
        cite_as: Doe and Roe 2024
        source_url: https://example.org/harbour-brief
        """,
        "topics/harbours.md": """
        ---
        title: Harbours
        summary: Ports, piers and harbour fees.
        phrases: [harbour, port fee]
        related: [tariffs]
        extra:
          icon: anchor
        ---
        Harbours open the brief [[harbour-brief#p1]].
        """,
        "topics/tariffs.md": """
        ---
        title: Tariffs
        summary: Duties on goods.
        phrases: [tariff, duty]
        ---
        The brief asks to lower the duty [[harbour-brief#p5]], apart from harbour fees [[harbour-brief#p1]].
        """,
        "commentary/first-look.md": """
        ---
        title: A first look
        date: 2024-11-20T10:00:00Z
        updated: 2024-11-28
        summary: Reading the brief on harbours.
        topics: [harbours]
        authors: [ann]
        extra:
          series: Weekly notes
        ---
        ## Fees

        The brief says harbour fees "rose sharply" [[harbour-brief#p1]]. See [[harbours]].

        ## Duties

        It treats the tariff question apart [[harbour-brief#p2]].

        ## What next

        It asks to "ease pressure on the harbours" [[harbour-brief#p5]].
        """,
        "commentary/later-note.md": """
        ---
        title: A later note
        date: 2024-12-01
        topics: [tariffs]
        ---
        This note follows [[first-look]] by [[ann]].
        """,
    ]
}
