using System.Text.RegularExpressions;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Examples;

/// <summary>
/// Turns the URLs of a facts file into <see cref="Source"/> records and finds the sources of facts that only
/// point at an earlier one ("same", "Klix (c. 2020), above").
/// </summary>
internal static partial class FactSources
{
    /// <summary>Hosts of news outlets in the example's sources (registrable domain; subdomains match too).</summary>
    private static readonly string[] NewsHosts =
    [
        "sarajevotimes.com", "n1info.ba", "n1info.com", "infobalkans.com", "1tv.ge", "miragenews.com",
        "radiosarajevo.ba", "thewesternbalkans.com", "zenicainfo.ba", "report.az", "klix.ba", "viteskiportal.com",
        "abnase.com", "eurasia.ro", "wprost.pl", "balkandiskurs.com", "europeanwesternbalkans.com", "defence-industry.eu",
    ];

    /// <summary>One <see cref="Source"/> per distinct URL in the facts' <c>sources</c> lists, in order of first citation.</summary>
    public static Dictionary<string, Source> Create(IReadOnlyList<FactEntry> facts, int programmeId)
    {
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            foreach (var (url, text) in NoteEntries(fact.SourceNote))
            {
                notes.TryAdd(url, text);
            }
        }

        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        foreach (var url in facts.SelectMany(f => f.Sources))
        {
            if (sources.ContainsKey(url))
            {
                continue;
            }

            var note = notes.GetValueOrDefault(url);
            var host = PublishingHost(url);
            sources.Add(url, new Source
            {
                ProgrammeId = programmeId,
                Title = TitleOf(url, host, note),
                Url = url,
                Publisher = host,
                Kind = KindOf(host),
                PublishedOn = PublishedOn(note),
            });
        }

        return sources;
    }

    /// <summary>
    /// The note's text about the URL; when that is only a date ("5 Dec 2018") the host goes before it
    /// ("infobalkans.com, 5 Dec 2018"); with no note text, the URL itself.
    /// </summary>
    public static string TitleOf(string url, string? host, string? note) => note switch
    {
        null or "" => url,
        _ when host is not null && DateOnlyPattern().IsMatch(note) => $"{host}, {note}",
        _ => note,
    };

    /// <summary>
    /// The date in the note's text. None when the note says the page is undated ("n.d.", even with an estimate
    /// such as "c. 2008") or gives only the date an archive copied it ("archived 28 Sep 2012").
    /// </summary>
    public static PartialDate? PublishedOn(string? note) =>
        note is null
        || note.Contains("n.d.", StringComparison.OrdinalIgnoreCase)
        || note.Contains("archived", StringComparison.OrdinalIgnoreCase)
            ? null
            : PartialDate.FromText(note);

    /// <summary>
    /// Each URL in a source note with the text in the parentheses that follow it, when there are any:
    /// <c>https://x (N1, 7 Apr 2022); https://y</c> → (x, "N1, 7 Apr 2022").
    /// </summary>
    public static IEnumerable<(string Url, string Text)> NoteEntries(string note)
    {
        foreach (Match match in UrlPattern().Matches(note))
        {
            var i = match.Index + match.Length;
            while (i < note.Length && note[i] == ' ')
            {
                i++;
            }

            if (i >= note.Length || note[i] != '(')
            {
                continue;
            }

            var depth = 0;
            for (var end = i; end < note.Length; end++)
            {
                depth += note[end] switch { '(' => 1, ')' => -1, _ => 0 };
                if (depth == 0)
                {
                    yield return (match.Value, note[(i + 1)..end].Trim());
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The host that published the page, without "www.". For an archived copy (an archive URL whose path holds the
    /// original URL) it is the original's host: the archive only keeps the page.
    /// </summary>
    public static string? PublishingHost(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        var embedded = uri.PathAndQuery.IndexOf("/http", StringComparison.Ordinal);
        if (embedded >= 0 && Uri.TryCreate(uri.PathAndQuery[(embedded + 1)..], UriKind.Absolute, out var original))
        {
            uri = original;
        }

        var host = uri.Host.ToLowerInvariant();
        return host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
    }

    /// <summary>nato.int → alliance statement; osce.org and government hosts → official; news outlets → media; else unknown.</summary>
    public static SourceKind KindOf(string? host)
    {
        if (host is null)
        {
            return SourceKind.Unknown;
        }

        if (IsOrUnder(host, "nato.int"))
        {
            return SourceKind.AllianceStatement;
        }

        if (IsOrUnder(host, "osce.org") || host.Split('.').Contains("gov"))
        {
            return SourceKind.Official;
        }

        return NewsHosts.Any(news => IsOrUnder(host, news)) ? SourceKind.Media : SourceKind.Unknown;
    }

    /// <summary>
    /// The earlier source a fact without a <c>sources</c> list points at, or null when it cannot be told:
    /// "same" means the previous fact's source, if it had exactly one; otherwise a word of the note that names
    /// the host of exactly one earlier source ("Klix", "viteskiportal.com", "UNT") identifies it. Words that fit
    /// several sources ("NATO") identify nothing. More than one identified source is ambiguous: null.
    /// </summary>
    public static Source? ResolveReference(string note, IReadOnlyCollection<Source> earlier, IReadOnlyList<Source> previousFactSources)
    {
        if (string.Equals(note.Trim(), "same", StringComparison.OrdinalIgnoreCase))
        {
            return previousFactSources.Count == 1 ? previousFactSources[0] : null;
        }

        var identified = new HashSet<Source>();
        foreach (Match word in WordPattern().Matches(note.ToLowerInvariant()))
        {
            var fits = earlier.Where(s => HostWords(s.Url).Contains(word.Value)).Take(2).ToList();
            if (fits.Count == 1)
            {
                identified.Add(fits[0]);
            }
        }

        return identified.Count == 1 ? identified.First() : null;
    }

    /// <summary>The host of the URL itself (not of an archived original) and its labels but the last: "webarchive.library.unt.edu" → itself, "webarchive", "library", "unt".</summary>
    private static HashSet<string> HostWords(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return [];
        }

        var host = uri.Host.ToLowerInvariant();
        host = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        var labels = host.Split('.');
        return [host, .. labels[..^1].Where(l => l.Length >= 3)];
    }

    private static bool IsOrUnder(string host, string domain) =>
        host == domain || host.EndsWith("." + domain, StringComparison.Ordinal);

    [GeneratedRegex(@"^(c\.\s*)?(\d{1,2}\s+)?([A-Za-z]{3,9}\.?\s+)?\d{4}$")]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"https?://[^\s;]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"[a-z0-9][a-z0-9.\-]*[a-z0-9]")]
    private static partial Regex WordPattern();
}
