namespace PartnershipTracker.Core.Features.Records;

/// <summary>A listed editable record: its id, the revision it was read at (its ETag, <c>"7"</c>) and its marking.</summary>
public interface IRecordRow
{
    int Id { get; }

    int Revision { get; }

    /// <summary>The classification label, e.g. "NATO RESTRICTED".</summary>
    string Classification { get; }

    /// <summary>The Releasable To entries; empty when the record is restricted to no nation.</summary>
    IReadOnlyList<string> ReleasableTo { get; }
}
