namespace PartnershipTracker.Domain;

/// <summary>A thematic area of a programme ("Defense Reform", "Cybersecurity"), optionally under a MAP chapter.</summary>
public sealed class Area : IEditableRecord
{
    public int Id { get; set; }

    public int ProgrammeId { get; set; }

    public int Revision { get; set; } = 1;

    public DateTimeOffset? DeletedAt { get; set; }

    public Classification Classification { get; set; } = Classification.NatoUnclassified;

    public string ReleasableTo { get; set; } = string.Empty;

    public ReviewState ReviewState { get; set; } = ReviewState.Approved;

    public string? ReviewComment { get; set; }

    public string? ApprovedVersion { get; set; }

    public required string Name { get; set; }

    public MapChapter? Chapter { get; set; }

    /// <summary>What the source says the area covers, when it says so ("Key areas of development include:").</summary>
    public string? Description { get; set; }

    /// <summary>Other names the same area goes by; see <see cref="AreaNames.Normalize"/> for how names are compared.</summary>
    public List<AreaAlias> Aliases { get; } = [];
}

/// <summary>Another name of an area, e.g. "Cyber Defense" for "Cybersecurity".</summary>
public sealed class AreaAlias
{
    public int Id { get; set; }

    public int AreaId { get; set; }

    /// <summary>
    /// The programme of the alias's area, kept here so that <see cref="NormalizedName"/> can be unique per
    /// programme. The database takes it from the area: (AreaId, ProgrammeId) is a foreign key to the area's
    /// (Id, ProgrammeId), so EF Core fills it in when the alias is added to <see cref="Area.Aliases"/>.
    /// </summary>
    public int ProgrammeId { get; set; }

    public required string Name { get; set; }

    /// <summary><see cref="AreaNames.Normalize"/> of <see cref="Name"/>, unique within a programme.</summary>
    public required string NormalizedName { get; set; }
}

/// <summary>How area names are compared.</summary>
public static class AreaNames
{
    /// <summary>
    /// Lower case, British and American spellings folded ("defence" → "defense"), punctuation and
    /// repeated spaces removed: "Cyber-Defence" and "cyber defense" compare equal.
    /// </summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var chars = name.Trim().ToLowerInvariant()
            .Select(c => char.IsLetterOrDigit(c) ? c : ' ')
            .ToArray();
        var words = new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w switch
            {
                "defence" => "defense",
                "modernisation" => "modernization",
                "organisation" => "organization",
                _ => w,
            });
        return string.Join(' ', words);
    }
}
