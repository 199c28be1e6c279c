namespace PartnershipTracker.Benchmarks.Portfolio;

/// <summary>
/// Word lists for synthetic records. Titles are built from several lists so that they vary (search has work: common
/// words such as "reform" or "cyber" match thousands of records, rarer combinations a few). Nothing here is a fact
/// about a real partnership; programme names say "Synthetic".
/// </summary>
internal static class PortfolioText
{
    public static readonly string[] Domains =
    [
        "Defence Reform", "Cyber Defence", "Border Security", "Civil Preparedness", "Logistics", "Military Education",
        "Interoperability", "Crisis Management", "Counter-Terrorism", "Defence Planning", "Maritime Security", "Air Defence",
        "Democratic Control of Armed Forces", "Women, Peace and Security", "Humanitarian Demining", "Intelligence Sharing",
        "Strategic Communications", "Energy Security", "Defence Industry", "Military Medicine",
    ];

    public static readonly string[] PastVerbs =
    [
        "Adopted", "Completed", "Established", "Certified", "Modernised", "Trained", "Deployed", "Signed", "Opened",
        "Reformed", "Integrated", "Upgraded", "Evaluated", "Published", "Ratified", "Equipped",
    ];

    public static readonly string[] Imperatives =
    [
        "Strengthen", "Accelerate", "Expand", "Consolidate", "Fund", "Review", "Standardise", "Professionalise",
        "Harmonise", "Prioritise", "Secure", "Streamline",
    ];

    public static readonly string[] Objects =
    [
        "the national cyber security strategy", "a joint logistics centre", "non-commissioned officer training",
        "the defence procurement law", "a rapid reaction battalion", "the border surveillance network",
        "mine clearance teams", "the crisis management centre", "air space control systems", "English language training",
        "the defence budget planning cycle", "a military police company", "secure communications for command posts",
        "the personnel management system", "parliamentary oversight of defence spending", "a computer emergency response team",
        "reserve forces", "the national security strategy", "disposal of surplus ammunition", "civil-military cooperation plans",
        "host nation support arrangements", "the defence property register", "a women's officer network",
        "maritime domain awareness", "interoperability standards for signals units", "the military academy curriculum",
    ];

    public static readonly string[] Qualifiers =
    [
        "", "", "", " ahead of schedule", " with allied support", " in the northern region", " in the capital district",
        " for the first time", " under the partnership plan", " after a pilot phase", " across all brigades",
        " with donor funding", " following an external review",
    ];

    public static readonly string[] Problems =
    [
        "Shortage of qualified personnel for", "Delayed parliamentary approval of", "Insufficient funding for",
        "Fragmented responsibility for", "Outdated equipment in", "Slow procurement of", "Political disagreement over",
        "High staff turnover affecting", "Weak coordination between ministries on", "Limited national ownership of",
        "Corruption risks in", "Legal obstacles to",
    ];

    public static readonly string[] Impacts =
    [
        "Slows modernisation and capability development.", "Delays the partnership plan by a review cycle.",
        "Limits participation in allied exercises.", "Reduces public trust in defence institutions.",
        "Leaves the reform without a budget line.", "Keeps interoperability targets out of reach.",
    ];

    public static readonly string[] InitiativeAdjectives =
    [
        "Regional", "National", "Joint", "Integrated", "Comprehensive", "Strategic", "Enhanced", "Bilateral", "Multinational",
        "Long-term",
    ];

    public static readonly string[] InitiativeKinds =
    [
        "Programme", "Initiative", "Capacity Building Project", "Trust Fund Project", "Training Mission", "Reform Package",
        "Partnership Plan", "Mentoring Programme",
    ];

    public static readonly string[] Phases = ["", "", " I", " II", " III", " (Phase 2)", " (Pilot)"];

    public static readonly string[] Institutions =
    [
        "Ministry of Defence", "Armed Forces General Staff", "Ministry of Security", "Ministry of Interior",
        "National Cyber Centre", "Border Police", "Civil Protection Agency", "Parliamentary Defence Committee",
        "Military Academy", "Demining Centre",
    ];

    public static readonly string[] Outcomes =
    [
        "Forces able to operate with allied units.", "A budget that plans defence spending over several years.",
        "Faster response to national emergencies.", "Fewer incidents reaching critical infrastructure.",
        "Institutions accountable to parliament.", "Training that meets allied standards.",
    ];

    public static readonly string[] MilestoneSteps =
    [
        "concept approved", "funding agreed", "first phase completed", "mid-term review", "final evaluation",
        "handover to national authorities",
    ];

    public static readonly string[] Metrics =
    [
        "Defence spending", "Personnel trained", "Exercises with allies", "Cyber incidents handled", "Mines cleared",
        "Posts filled", "Equipment readiness", "Reform laws adopted", "Women in the armed forces", "Border crossings monitored",
    ];

    public static readonly (string Unit, double Low, double High)[] Units =
    [
        ("% of GDP", 0.6, 2.4), ("people", 100, 5_000), ("exercises", 1, 40), ("incidents", 10, 900), ("square kilometres", 0.5, 60),
        ("% of posts", 55, 98), ("% ready", 40, 95), ("laws", 0, 12), ("% of personnel", 3, 18), ("crossings", 5_000, 90_000),
    ];

    public static readonly string[] Publishers =
    [
        "Ministry of Defence", "Alliance public diplomacy division", "Regional security observatory", "National news agency",
        "Defence policy institute", "Parliamentary research service", "Civil society coalition", "International security review",
    ];

    public static readonly string[] Partners =
    [
        "ARM", "AZE", "BIH", "GEO", "KAZ", "KGZ", "MDA", "MKD", "SRB", "TJK", "TKM", "UKR", "UZB", "AUT", "CHE", "IRL", "MLT",
        "JOR", "MAR", "TUN", "EGY", "ISR", "MRT", "DZA", "BHR", "KWT", "QAT", "ARE", "AUS", "NZL", "JPN", "KOR", "MNG", "COL",
        "IRQ", "AFG", "PAK", "PHL", "IDN", "VNM", "THA", "MYS", "SGP", "IND", "BRA", "CHL", "PER", "MEX", "ZAF", "KEN",
    ];
}
