import DossierCore

/// Makes heading anchors that are unique within a brief and never clash with `p12` paragraph anchors.
struct HeadingSlugger {
    private var slugger = UniqueSlugger()

    /// A fresh slug for a heading (nil heading: the untitled opening section, `intro`).
    mutating func slug(for heading: String?) -> String {
        slugger.slug(for: heading ?? "intro")
    }
}
