using PartnershipTracker.Ingest.Structure;

namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>
/// A line of the document as cleaning leaves it: its number in the decoded text, its text (possibly
/// shortened where assistant text was cut out), and whether its content was cut off by damage.
/// Its shape (<see cref="LineShape"/>) is worked out once, on first use, and again only if the text changes.
/// </summary>
internal sealed class TextLine(int number, string text)
{
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
