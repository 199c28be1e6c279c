using System.Globalization;
using System.Text;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Search;

/// <summary>A search as asked: the text typed and the page wanted (from 1).</summary>
public sealed record SearchRequest(string? Q, int Page = 1);

/// <summary>One result: the record, its title, and a snippet as safe HTML (escaped text with <c>&lt;mark&gt;</c> around matched words).</summary>
public sealed record SearchResult(RecordType RecordType, int RecordId, int ProgrammeId, string Title, string SnippetHtml, string SnippetText);

/// <summary>
/// A page of results, best first. <see cref="Words"/> are the words searched for (empty when the query had none:
/// no search was made). <see cref="HasMore"/> says whether a next page exists.
/// </summary>
public sealed record SearchResults(string Query, IReadOnlyList<string> Words, int Page, int PageSize, IReadOnlyList<SearchResult> Items, bool HasMore);

/// <summary>
/// Searches records and sources (PRODUCT.md C2, C6). The query is read as plain words: letters and digits are
/// kept, everything else (quotes, <c>*</c>, parentheses, <c>AND</c>/<c>OR</c> as operators) only separates words,
/// so no input is a syntax error. Failures: Invalid ("q") for more than <see cref="MaxWords"/> words or a query
/// longer than <see cref="MaxLength"/> characters, Invalid ("page") for a page below 1 or beyond <see cref="MaxPage"/>.
/// </summary>
public sealed class SearchRecords(ISearchIndex index)
{
    public const int PageSize = 20;

    public const int MaxWords = 16;

    public const int MaxLength = 500;

    public const int MaxPage = 50;

    public async Task<Result<SearchResults>> HandleAsync(SearchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Q?.Trim() ?? "";
        if (query.Length > MaxLength)
        {
            return Failure.Invalid(string.Create(CultureInfo.InvariantCulture, $"a search is at most {MaxLength} characters long"), "q");
        }

        if (request.Page is < 1 or > MaxPage)
        {
            return Failure.Invalid(string.Create(CultureInfo.InvariantCulture, $"page must be from 1 to {MaxPage}"), "page");
        }

        var words = Words(query);
        if (words.Count > MaxWords)
        {
            return Failure.Invalid(string.Create(CultureInfo.InvariantCulture, $"a search has at most {MaxWords} words"), "q");
        }

        if (words.Count == 0)
        {
            return new SearchResults(query, words, request.Page, PageSize, [], HasMore: false);
        }

        var hits = await index.SearchAsync(words, (request.Page - 1) * PageSize, PageSize + 1, cancellationToken);
        var items = hits.Take(PageSize)
            .Select(h => new SearchResult(h.RecordType, h.RecordId, h.ProgrammeId, SearchSnippet.ToText(h.Title), SearchSnippet.ToHtml(h.Snippet), SearchSnippet.ToText(h.Snippet)))
            .ToList();
        return new SearchResults(query, words, request.Page, PageSize, items, hits.Count > PageSize);
    }

    /// <summary>The words of a query: runs of letters, digits and combining marks, in order, duplicates (ignoring case) dropped.</summary>
    public static IReadOnlyList<string> Words(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in query.Append(' '))
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                var w = word.ToString();
                if (!words.Contains(w, StringComparer.OrdinalIgnoreCase))
                {
                    words.Add(w);
                }

                word.Clear();
            }
        }

        return words;
    }
}
