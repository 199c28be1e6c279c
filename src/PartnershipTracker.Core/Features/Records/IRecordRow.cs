namespace PartnershipTracker.Core.Features.Records;

/// <summary>A listed editable record: its id and the revision it was read at (its ETag, <c>"7"</c>).</summary>
public interface IRecordRow
{
    int Id { get; }

    int Revision { get; }
}
