import DossierCore
import FrontMatter

extension ContentLoader {
    /// An author file's `name`, which bylines, author pages and citations show.
    func authorName(_ fields: inout FieldReader) -> String? {
        guard fields.value("name") != nil else {
            let hint = fields.value("title") != nil ? " (an author file says 'name:', not 'title:')" : ""
            fields.report("an author file needs 'name: …', the name bylines and citations show\(hint)", at: fields.position(of: "name").textPosition)
            return nil
        }
        return fields.string("name", required: true)
    }

    /// `role`, `affiliation` and `url` of an author file; `url` must be a web address.
    func authorProfile(_ fields: inout FieldReader) -> AuthorProfile {
        var url = fields.string("url")
        if let address = url, !(address.hasPrefix("https://") || address.hasPrefix("http://")) {
            fields.report("url '\(address)' must be a web address starting with https:// or http://", at: fields.position(of: "url").textPosition)
            url = nil
        }
        return AuthorProfile(role: fields.string("role"), affiliation: fields.string("affiliation"), url: url)
    }
}
