using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using PartnershipTracker.Core.Features.Search;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Api;

/// <summary>One search result in JSON: the record's type (lower-case noun), id, programme, title, snippet and page address.</summary>
/// <param name="Snippet">Plain text around the matched words.</param>
/// <param name="SnippetHtml">The same snippet as safe HTML: escaped text with <c>&lt;mark&gt;</c> around matched words.</param>
public sealed record SearchItem(string Type, int Id, int ProgrammeId, string Title, string Snippet, string SnippetHtml, string Url);

/// <summary>A page of search results; <see cref="NextCursor"/> is passed back as <c>cursor</c> for the next page, null on the last.</summary>
public sealed record SearchPage(IReadOnlyList<SearchItem> Items, string? NextCursor);

/// <summary><c>GET /api/v1/search?q=WORDS&amp;cursor=N</c>: the search of <c>/search</c> as JSON.</summary>
public static class SearchEndpoints
{
    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/search", SearchAsync)
            .WithName("Search")
            .WithTags("Search")
            .WithSummary("Search records and sources")
            .WithDescription("Records and sources containing every word of q (plain words; quotes, * and AND/OR are not operators), best match first, 20 a page.")
            .Produces<SearchPage>()
            .ProducesValidationProblem();
        return app;
    }

    /// <param name="q">The words to find; none gives an empty list.</param>
    /// <param name="cursor">The <c>nextCursor</c> of the previous page; absent for the first.</param>
    private static async Task<Results<Ok<SearchPage>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? q, string? cursor, SearchRecords search, CancellationToken cancellationToken)
    {
        var page = 1;
        if (cursor is not null && !int.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out page))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["cursor"] = ["cursor must be a nextCursor this endpoint returned"] },
                detail: "The cursor is not one this endpoint returned.");
        }

        var result = await search.HandleAsync(new SearchRequest(q, page), cancellationToken);
        if (!result.Succeeded)
        {
            var failure = result.Failure!;
            return failure.Fields is { } fields
                ? TypedResults.ValidationProblem(fields.ToDictionary(f => f.Key == "page" ? "cursor" : f.Key, f => f.Value), detail: failure.Message)
                : failure.ToProblem();
        }

        var results = result.Value!;
        var items = results.Items.Select(r => new SearchItem(
            Display.Noun(r.RecordType), r.RecordId, r.ProgrammeId, r.Title, r.SnippetText, r.SnippetHtml,
            Display.RecordLink(r.RecordType, r.RecordId) ?? Display.SourceLink(r.RecordId))).ToList();
        return TypedResults.Ok(new SearchPage(items, results.HasMore ? (results.Page + 1).ToString(CultureInfo.InvariantCulture) : null));
    }
}
