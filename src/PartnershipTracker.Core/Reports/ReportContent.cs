namespace PartnershipTracker.Core.Reports;

/// <summary>What a piece of inline report content is; each writer renders the kinds its own way.</summary>
internal enum SpanKind
{
    /// <summary>Text from a document or the database; always escaped.</summary>
    Text,

    /// <summary>A value the records do not have: an em dash.</summary>
    Missing,

    /// <summary>The mark after a record's text that the source cut off.</summary>
    Truncated,

    /// <summary>A link to an external page; only http and https addresses become links.</summary>
    Link,

    /// <summary>"source #N, line L": links to the source's entry in the Sources section.</summary>
    Citation,
}

/// <summary>One run of inline content. <see cref="Target"/> is the URL of a link or the source id of a citation.</summary>
internal readonly record struct Span(SpanKind Kind, string Text, string? Target = null);

/// <summary>One line of inline content (an item of a cell, a paragraph, a fact's value).</summary>
internal sealed class Inline
{
    public const string EmDash = "—";

    private readonly List<Span> _spans = [];

    public IReadOnlyList<Span> Spans => _spans;

    /// <summary>The text, or an em dash when it is null or blank.</summary>
    public static Inline Of(string? text, bool truncated = false) => new Inline().Text(text, truncated);

    public static Inline Missing() => new Inline().Add(new Span(SpanKind.Missing, EmDash));

    /// <summary>Appends text (an em dash when null or blank), then the truncated mark when <paramref name="truncated"/>.</summary>
    public Inline Text(string? text, bool truncated = false)
    {
        Add(string.IsNullOrWhiteSpace(text) ? new Span(SpanKind.Missing, EmDash) : new Span(SpanKind.Text, text));
        if (truncated)
        {
            Add(new Span(SpanKind.Truncated, "truncated in source"));
        }

        return this;
    }

    /// <summary>Appends literal text that the report itself writes (separators, labels).</summary>
    public Inline Plain(string text) => Add(new Span(SpanKind.Text, text));

    public Inline Link(string text, string? url) =>
        Add(url is null ? new Span(SpanKind.Text, text) : new Span(SpanKind.Link, text, url));

    public Inline Citation(string text, int sourceId) =>
        Add(new Span(SpanKind.Citation, text, sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public Inline Add(Span span)
    {
        _spans.Add(span);
        return this;
    }
}

/// <summary>A table cell: one item, or several listed one under another.</summary>
internal sealed class Cell(IReadOnlyList<Inline> items)
{
    public IReadOnlyList<Inline> Items { get; } = items.Count == 0 ? [Inline.Missing()] : items;

    public static implicit operator Cell(Inline inline) => new([inline]);

    public static Cell Of(string? text, bool truncated = false) => new([Inline.Of(text, truncated)]);
}
