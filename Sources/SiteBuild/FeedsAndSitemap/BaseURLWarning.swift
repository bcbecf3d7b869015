/// The one warning `check --strict` lets pass: a site without a base URL is meant to be hosted
/// anywhere (every link is relative), so leaving out what needs absolute URLs is a choice, not a fault.
public enum BaseURLWarning {
    public static let message =
        "no base URL (set base_url in site.yml or pass --base-url): feed.xml, sitemap.xml and canonical links are left out, "
        + "and 404.html keeps its style and links only for missing pages at the top level (/typo, not /topics/typo)"
}
