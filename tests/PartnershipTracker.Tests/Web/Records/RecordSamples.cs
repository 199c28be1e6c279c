using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Tests.Web.Records;

/// <summary>A record as a test picks it: id, the title its pages show, and its revision.</summary>
internal sealed record Sample(int Id, string Title, int Revision);

/// <summary>A live record of the example programme for each page section, read from the database the app uses.</summary>
internal static class RecordSamples
{
    public static readonly TheoryData<string> Sections =
        ["areas", "achievements", "challenges", "initiatives", "milestones", "recommendations", "indicators", "sources"];

    public static RecordType TypeOf(string section) => section switch
    {
        "areas" => RecordType.Area,
        "achievements" => RecordType.Achievement,
        "challenges" => RecordType.Challenge,
        "initiatives" => RecordType.Initiative,
        "milestones" => RecordType.Milestone,
        "recommendations" => RecordType.Recommendation,
        "indicators" => RecordType.Indicator,
        "sources" => RecordType.Source,
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a record section"),
    };

    /// <summary>The live record of <paramref name="section"/> with the highest id: . <paramref name="skip"/> picks an earlier one.</summary>
    public static async Task<Sample> LastAsync(PtrackDbContext db, string section, int skip = 0) => section switch
    {
        // An area with records cannot be deleted (DeleteRecord), so the sample is one no record belongs to.
        "areas" => await db.Areas
            .Where(a => !db.Achievements.Any(r => r.AreaId == a.Id) && !db.Challenges.Any(r => r.AreaId == a.Id) && !db.Initiatives.Any(r => r.AreaId == a.Id)
                && !db.Recommendations.Any(r => r.AreaId == a.Id) && !db.Indicators.Any(r => r.AreaId == a.Id))
            .OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Name, r.Revision)).FirstAsync(),
        "achievements" => await db.Achievements.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Title, r.Revision)).FirstAsync(),
        "challenges" => await db.Challenges.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Title, r.Revision)).FirstAsync(),
        "initiatives" => await db.Initiatives.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Name, r.Revision)).FirstAsync(),
        "milestones" => await db.Milestones.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Title, r.Revision)).FirstAsync(),
        "recommendations" => await db.Recommendations.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.StrategicAction, r.Revision)).FirstAsync(),
        "indicators" => await db.Indicators.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Name, r.Revision)).FirstAsync(),
        "sources" => await db.Sources.OrderByDescending(r => r.Id).Skip(skip).Select(r => new Sample(r.Id, r.Title, r.Revision)).FirstAsync(),
        _ => throw new ArgumentOutOfRangeException(nameof(section), section, "not a record section"),
    };

    /// <summary>Whether the record is deleted, read past the soft-delete filter; null when it does not exist.</summary>
    public static async Task<(bool Deleted, int Revision)?> StateAsync(PtrackDbContext db, RecordType type, int id)
    {
        var record = await EditableRecords.FindAsync(db, type, id, includeDeleted: true, CancellationToken.None);
        return record is null ? null : (record.DeletedAt is not null, record.Revision);
    }
}
