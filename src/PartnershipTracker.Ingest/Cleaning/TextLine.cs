namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>
/// A line of the document as cleaning leaves it: its number in the decoded text, its text (possibly
/// shortened where assistant text was cut out), and whether its content was cut off by damage.
/// </summary>
internal sealed class TextLine(int number, string text)
{
    public int Number { get; } = number;

    public string Text { get; set; } = text;

    /// <summary>The content stops mid-way because the text around it was damaged.</summary>
    public bool Truncated { get; set; }

    /// <summary>Taken out by cleaning; structure recovery never sees it.</summary>
    public bool Removed { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text);
}
