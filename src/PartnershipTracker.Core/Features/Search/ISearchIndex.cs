using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Search;

/// <summary>
/// The full-text index of records and sources, one implementation per database provider (SQLite: FTS5, in
/// PartnershipTracker.Data.Sqlite). It holds live records only: a deleted record leaves it, a restored one returns.
/// </summary>
public interface ISearchIndex
{
    /// <summary>
    /// Records and sources that contain every one of <paramref name="words"/> (plain words, matched after stemming;
    /// never query syntax), best match first, skipping <paramref name="skip"/> and returning at most <paramref name="take"/>.
    /// Each hit's snippet marks matched words with <see cref="SearchSnippet.Open"/> and <see cref="SearchSnippet.Close"/>.
    /// </summary>
    Task<IReadOnlyList<SearchHit>> SearchAsync(IReadOnlyList<string> words, int skip, int take, CancellationToken cancellationToken = default);
}

/// <summary>
/// One record found: its type and id, its programme, its title (or name, or strategic action) and a passage of its
/// text around the matched words, as stored (plain text with <see cref="SearchSnippet"/>'s delimiters, not HTML).
/// </summary>
public sealed record SearchHit(RecordType RecordType, int RecordId, int ProgrammeId, string Title, string Snippet);
