namespace PartnershipTracker.Ingest.Model;

/// <summary>One unit of document structure, in reading order. Line numbers count from 1 in the decoded text.</summary>
public abstract record Block(int Line)
{
    /// <summary>"heading", "paragraph", "list" or "table" (the <c>type</c> field of the ingest JSON contract).</summary>
    public abstract string Type { get; }
}

/// <summary>A heading: a short title-like line on its own (no closing punctuation), not part of a table.</summary>
public sealed record HeadingBlock(int Line, string Text) : Block(Line)
{
    public override string Type => "heading";
}

/// <summary>A paragraph; hard-wrapped lines are joined, so <see cref="LineEnd"/> may be after <see cref="Block.Line"/>.</summary>
public sealed record ParagraphBlock(int Line, int LineEnd, string Text, bool Truncated) : Block(Line)
{
    public override string Type => "paragraph";
}

/// <summary>
/// A list. <see cref="Intro"/> is the sentence that introduced it ("Key issues include:"), or null.
/// </summary>
public sealed record ListBlock(int Line, string? Intro, IReadOnlyList<ListItem> Items) : Block(Line)
{
    public override string Type => "list";
}

/// <summary>A list item; <see cref="Label"/> is the part before the colon of a "Label: text" item, else null.</summary>
public sealed record ListItem(string? Label, string Text, int Line, bool Truncated);

/// <summary>
/// A table. <see cref="Rows"/> has one array per data row, each as long as <see cref="Columns"/>;
/// a null cell is missing in the source (never filled in). <see cref="CellLines"/> is parallel to
/// <see cref="Rows"/> and gives each cell's source line (null for a missing cell).
/// </summary>
public sealed record TableBlock(
    int Line,
    int LineEnd,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<string?>> Rows,
    IReadOnlyList<IReadOnlyList<int?>> CellLines,
    IReadOnlyList<CellRef> TruncatedCells,
    IReadOnlyList<int> IncompleteRows) : Block(Line)
{
    public override string Type => "table";
}

/// <summary>A cell by zero-based data-row and column index.</summary>
public sealed record CellRef(int Row, int Column);

/// <summary>Something ingest took out of the text, and why.</summary>
/// <param name="Reason"><c>assistant-text</c>, <c>code-fence</c>, <c>duplicate</c> or <c>boilerplate</c>.</param>
/// <param name="Text">The text removed, as it was.</param>
/// <param name="Line">First line removed.</param>
/// <param name="LineEnd">Last line removed.</param>
/// <param name="DuplicateOf">For a duplicate: the first line of the passage it repeats.</param>
/// <param name="Copies">For a duplicate: how many back-to-back copies of the passage lines
/// <paramref name="Line"/> to <paramref name="LineEnd"/> hold; <paramref name="Text"/> is the first of them.</param>
public sealed record RemovedPassage(string Reason, string Text, int Line, int LineEnd, int? DuplicateOf = null, int Copies = 1);

/// <summary>A problem found and kept, e.g. a cell cut off by damage.</summary>
public sealed record IngestWarning(string Code, string Message, int? Line);

/// <summary>What ingest recovered from one document.</summary>
public sealed record ParsedDocument(
    DocumentInfo Source,
    IReadOnlyList<string> Lines,
    IReadOnlyList<Block> Blocks,
    IReadOnlyList<RemovedPassage> Removed,
    IReadOnlyList<IngestWarning> Warnings);

/// <summary>The document itself: file name, lower-case hex SHA-256 of its bytes, format, and a title if it has one.</summary>
public sealed record DocumentInfo(string Name, string Sha256, string Format, string? Title, long Bytes);
