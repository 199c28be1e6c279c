using PartnershipTracker.Ingest.Structure;

namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>
/// A line of the document as cleaning leaves it: its number in the decoded text, its text (possibly
/// shortened where assistant text was cut out), and whether its content was cut off by damage.
/// Its shape (<see cref="LineShape"/>) is worked out once, on first use, and again only if the text changes.
/// </summary>
internal sealed class TextLine(int number, string text)
{
    /// <summary>A line whose structure the document's own markup states (a heading, a list item, a table row).</summary>
    public TextLine(int number, string text, LineKind kind, IReadOnlyList<string>? cells = null, int group = 0)
        : this(number, text)
    {
        Kind = kind;
        Cells = cells;
        Group = group;
    }

    private string _text = text;
    private string? _trimmed;
    private ShapeFlags _shape;
    private (string Label, string Text)? _labelItem;

    [Flags]
    private enum ShapeFlags
    {
        None = 0,
        Known = 1,
        Prose = 2,
        Intro = 4,
        EndsSentence = 8,
        LabelItem = 16,
    }

    public int Number { get; } = number;

    /// <summary>What the markup says the line is; <see cref="LineKind.Text"/> for plain text, whose structure is recovered.</summary>
    public LineKind Kind { get; }

    /// <summary>For a <see cref="LineKind.TableRow"/>: its cells, as the markup gives them.</summary>
    public IReadOnlyList<string>? Cells { get; }

    /// <summary>For table rows and list items: which table or list they belong to (rows of one table share it).</summary>
    public int Group { get; }

    public string Text
    {
        get => _text;
        set
        {
            _text = value;
            _trimmed = null;
            _shape = ShapeFlags.None;
            _labelItem = null;
        }
    }

    /// <summary>The content stops mid-way because the text around it was damaged.</summary>
    public bool Truncated { get; set; }

    /// <summary>Taken out by cleaning; structure recovery never sees it.</summary>
    public bool Removed { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(_text);

    public string Trimmed => _trimmed ??= _text.Trim();

    /// <inheritdoc cref="LineShape.IsProse"/>
    public bool IsProse => Has(ShapeFlags.Prose);

    /// <inheritdoc cref="LineShape.IsIntro"/>
    public bool IsIntro => Has(ShapeFlags.Intro);

    /// <inheritdoc cref="LineShape.EndsSentence"/>
    public bool EndsSentence => Has(ShapeFlags.EndsSentence);

    /// <inheritdoc cref="LineShape.LabelItem"/>
    public (string Label, string Text)? LabelItem => Has(ShapeFlags.LabelItem) ? _labelItem : null;

    private bool Has(ShapeFlags flag)
    {
        if (_shape == ShapeFlags.None)
        {
            var trimmed = Trimmed;
            _labelItem = LineShape.LabelItem(trimmed);
            _shape = ShapeFlags.Known
                | (LineShape.IsProse(trimmed) ? ShapeFlags.Prose : 0)
                | (LineShape.IsIntro(trimmed) ? ShapeFlags.Intro : 0)
                | (LineShape.EndsSentence(trimmed) ? ShapeFlags.EndsSentence : 0)
                | (_labelItem is not null ? ShapeFlags.LabelItem : 0);
        }

        return (_shape & flag) != 0;
    }
}

/// <summary>What a line is, when the document's markup says so.</summary>
internal enum LineKind
{
    /// <summary>Plain text: headings, lists and tables are recovered from the lines' shapes.</summary>
    Text,
    Heading,
    ListItem,

    /// <summary>A table row; the first row of a group is the header.</summary>
    TableRow,
}
