/// Words and phrases the generated corpus is made of: policy-brief English, so that sentence
/// splitting, smart punctuation, alias matching and search see text shaped like the real site's.
enum Vocabulary {
    /// The 40 topics: slug, title, and the phrases (aliases) that tag brief paragraphs.
    static let topics: [(slug: String, title: String, aliases: [String])] = [
        ("alliance-management", "Alliance management", ["alliance management", "managing the alliance"]),
        ("burden-sharing", "Burden-sharing", ["burden-sharing", "fair share"]),
        ("host-nation-support", "Host Nation Support", ["host nation support", "stationing costs"]),
        ("defense-spending", "Defence spending", ["defence spending", "defense budget"]),
        ("extended-deterrence", "Extended deterrence", ["extended deterrence", "nuclear umbrella"]),
        ("missile-defense", "Missile defence", ["missile defence", "interceptor"]),
        ("maritime-security", "Maritime security", ["maritime security", "sea lanes"]),
        ("east-china-sea", "The East China Sea", ["east china sea", "senkaku"]),
        ("south-china-sea", "The South China Sea", ["south china sea", "reclaimed features"]),
        ("taiwan-strait", "The Taiwan Strait", ["taiwan strait", "cross-strait"]),
        ("korean-peninsula", "The Korean Peninsula", ["korean peninsula", "pyongyang"]),
        ("trade-and-tariffs", "Trade and tariffs", ["tariffs", "trade deficit"]),
        ("supply-chains", "Supply chains", ["supply chains", "critical minerals"]),
        ("export-controls", "Export controls", ["export controls", "entity list"]),
        ("semiconductors", "Semiconductors", ["semiconductors", "chip fabrication"]),
        ("economic-security", "Economic security", ["economic security", "economic coercion"]),
        ("energy-security", "Energy security", ["energy security", "liquefied natural gas"]),
        ("climate-cooperation", "Climate cooperation", ["climate cooperation", "emissions targets"]),
        ("space-and-cyber", "Space and cyber", ["cyber defence", "space domain"]),
        ("intelligence-sharing", "Intelligence sharing", ["intelligence sharing", "information security"]),
        ("defense-industry", "Defence industry", ["defence industry", "co-production"]),
        ("command-and-control", "Command and control", ["command and control", "joint headquarters"]),
        ("basing-and-okinawa", "Basing and Okinawa", ["okinawa", "base realignment"]),
        ("status-of-forces", "The Status of Forces Agreement", ["status of forces", "sofa"]),
        ("treaty-obligations", "Treaty obligations", ["article five", "treaty obligations"]),
        ("quad", "The Quad", ["the quad", "quadrilateral"]),
        ("aukus", "AUKUS", ["aukus", "pillar two"]),
        ("minilaterals", "Minilateral groupings", ["minilateral", "trilateral"]),
        ("asean", "ASEAN and Southeast Asia", ["asean", "southeast asia"]),
        ("pacific-islands", "The Pacific Islands", ["pacific islands", "island states"]),
        ("india-partnership", "The partnership with India", ["new delhi", "indian ocean"]),
        ("europe-and-nato", "Europe and NATO", ["nato", "european partners"]),
        ("russia-china-alignment", "Russia–China alignment", ["russia and china", "no-limits partnership"]),
        ("leader-diplomacy", "Leader diplomacy", ["summit", "personal rapport"]),
        ("domestic-politics", "Domestic politics", ["domestic politics", "midterm election"]),
        ("public-opinion", "Public opinion", ["public opinion", "opinion polls"]),
        ("development-aid", "Development aid", ["development aid", "infrastructure finance"]),
        ("technology-standards", "Technology standards", ["technology standards", "artificial intelligence"]),
        ("nuclear-nonproliferation", "Nuclear non-proliferation", ["non-proliferation", "enrichment"]),
        ("free-and-open-indo-pacific", "A free and open Indo-Pacific", ["free and open indo-pacific", "rules-based order"]),
    ]

    static let actors = [
        "Tokyo", "Washington", "Seoul", "Canberra", "Manila", "Beijing", "the ministry", "the cabinet",
        "the administration", "the defence ministry", "the foreign ministry", "Congress", "the Diet",
        "allied planners", "the National Security Council", "regional partners", "the treasury",
    ]

    static let verbs = [
        "is likely to press for", "will have to weigh", "has quietly expanded", "cannot ignore",
        "is reluctant to discuss", "has long underestimated", "may try to trade", "is expected to revisit",
        "appears ready to accept", "will almost certainly resist", "has begun to reconsider",
        "is unlikely to abandon", "could use", "has turned to", "continues to debate",
    ]

    static let objects = [
        "a larger share of the cost", "the current arrangement", "a new consultative mechanism",
        "the timetable for implementation", "the next round of talks", "a more explicit commitment",
        "the question of cost-sharing", "the joint statement", "its long-standing position",
        "a narrower agenda", "the annual budget request", "a package of incentives",
        "the review of roles and missions", "the wording of the communiqué", "a phased approach",
    ]

    static let qualifiers = [
        "in the coming year", "before the next election", "without much public debate",
        "despite the cost", "as the region changes", "under pressure from allies", "for now",
        "at least on paper", "in private", "once the budget is settled", "if the talks stall",
    ]

    static let openers = [
        "In practice,", "Read closely,", "Put simply,", "By contrast,", "Even so,", "For this reason,",
        "At the same time,", "On this point,", "Taken together,", "Seen from Tokyo,", "Seen from Washington,",
    ]

    static let claims = [
        "the gap between rhetoric and budgets is narrowing", "neither government wants a public dispute",
        "the numbers tell only part of the story", "the allies rarely say this openly",
        "the argument rests on a few assumptions", "the decision will be political rather than technical",
        "the incentives point in the same direction", "much depends on the timing",
        "the costs fall unevenly", "this is a matter of sequencing", "the precedent matters more than the sum",
    ]

    static let headingWords = [
        "The forecast", "What changed", "The numbers", "Costs and benefits", "The timing", "Who decides",
        "What Tokyo might offer", "What Washington wants", "Reading the briefs together", "Open questions",
        "The regional view", "Risks", "The domestic angle", "A note on sources", "Implications",
        "Where the briefs disagree", "What is missing", "Looking ahead",
    ]

    static let slugWords = [
        "alliance", "budget", "talks", "summit", "deterrence", "costs", "allies", "strategy", "reading",
        "outlook", "tokyo", "washington", "region", "coalition", "bargain", "review", "signals", "options",
        "pressure", "partners", "limits", "reform", "security", "policy", "trade", "defence",
    ]

    static let titleWords = [
        "Alliance", "Budgets", "Bargains", "Deterrence", "Allies", "Pressure", "Partners", "Talks",
        "Signals", "Strategy", "Trade", "Security", "Costs", "Coalitions", "Reform", "Limits",
    ]

    static let surnames = [
        "Tanaka", "Harris", "Nakamura", "Okafor", "Lindqvist", "Park", "Moreau", "Suzuki", "Reyes",
        "Kowalski", "Ito", "Chen", "Whitfield", "Yamamoto", "Das", "Fischer",
    ]

    static let givenNames = ["Aiko", "Daniel", "Hiroshi", "Grace", "Minjun", "Elena", "Kenji", "Sofia", "Tom", "Yuna"]

    static let linkHosts = [
        "https://www.mofa.go.jp/policy/", "https://www.defense.gov/News/", "https://www.mod.go.jp/en/",
        "https://www.state.gov/reports/", "https://www.csis.org/analysis/", "https://www.rand.org/pubs/",
    ]

    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ]
}
