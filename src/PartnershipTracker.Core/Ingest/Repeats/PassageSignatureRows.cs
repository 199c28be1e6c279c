namespace PartnershipTracker.Core.Ingest.Repeats;

/// <summary>
/// The stored signature of one passage of a source (a paragraph, list item or table row long enough to compare):
/// its lines and its MinHash values, 8 bytes each, little-endian. Index data, rebuilt from the source by re-ingest.
/// </summary>
public sealed class SourcePassage
{
    public int Id { get; set; }

    public int SourceId { get; set; }

    public int LineStart { get; set; }

    public int LineEnd { get; set; }

    /// <summary>The MinHash signature as bytes (<c>HashCount</c> × 8).</summary>
    public required byte[] MinHash { get; set; }
}

/// <summary>One LSH band key of a passage: passages that share any band key are compared. The key is the unsigned band hash stored as <c>unchecked((long)key)</c>.</summary>
public sealed class PassageBand
{
    public long BandKey { get; set; }

    public int PassageId { get; set; }
}
