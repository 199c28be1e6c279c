using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Ingest;

/// <summary>
/// Writes mapped records into a programme, matching what is already there by natural key so that the
/// same fact from two documents (or two versions) is one record with two pieces of evidence.
/// Keys: area by any of its names (<see cref="AreaNames.Normalize"/>); achievement and challenge by
/// area and title; initiative by name; recommendation by strategic action.
/// Deleted records match too: a fact someone deleted is not stored again as a new record. It gets the new evidence
/// and values but stays deleted; restoring it is a person's decision (docs/adr/0010-revisions-soft-delete-history.md).
/// <para>
/// Markings (docs/adr/0016-markings.md): a new record takes <paramref name="marking"/>, the source's. Records are
/// matched whatever their marking, so that a writer who cannot see an existing record does not create a duplicate of
/// it; a match the writer cannot see gets the new evidence (which only readers of this source see) but none of its
/// values or its marking change, and nothing of it is shown to the writer. A match the writer can see keeps its own
/// marking too: evidence never changes a record's marking.
/// </para>
/// </summary>
internal sealed class RecordWriter(PtrackDbContext db, int programmeId, int sourceId, RecordMarking marking)
{
    private static readonly string[] LoadFilters = [EditableRecords.SoftDeleteFilter, EditableRecords.MarkingFilter];

    private readonly Dictionary<string, Area> _areas = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Area> _areasById = [];
    private readonly Dictionary<string, Achievement> _achievements = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Challenge> _challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Initiative> _initiatives = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Recommendation> _recommendations = new(StringComparer.Ordinal);
    private readonly List<(RecordType Type, Func<int> Id, EvidenceRef Evidence)> _evidence = [];

    public int Created { get; private set; }

    public int Updated { get; private set; }

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        foreach (var area in await db.Areas.Include(a => a.Aliases).IgnoreQueryFilters(LoadFilters).Where(a => a.ProgrammeId == programmeId).ToListAsync(cancellationToken))
        {
            _areas[AreaNames.Normalize(area.Name)] = area;
            _areasById[area.Id] = area;
            foreach (var alias in area.Aliases)
            {
                _areas[alias.NormalizedName] = area;
            }
        }

        foreach (var a in await db.Achievements.IgnoreQueryFilters(LoadFilters).Where(a => a.ProgrammeId == programmeId).ToListAsync(cancellationToken))
        {
            _achievements[Key(a.AreaId, a.Title)] = a;
        }

        foreach (var c in await db.Challenges.IgnoreQueryFilters(LoadFilters).Where(c => c.ProgrammeId == programmeId).ToListAsync(cancellationToken))
        {
            _challenges[Key(c.AreaId, c.Title)] = c;
        }

        foreach (var i in await db.Initiatives.IgnoreQueryFilters(LoadFilters).Where(i => i.ProgrammeId == programmeId).ToListAsync(cancellationToken))
        {
            _initiatives[AreaNames.Normalize(i.Name)] = i;
        }

        foreach (var r in await db.Recommendations.IgnoreQueryFilters(LoadFilters).Where(r => r.ProgrammeId == programmeId).ToListAsync(cancellationToken))
        {
            _recommendations[AreaNames.Normalize(r.StrategicAction)] = r;
        }
    }

    public void Write(MappedRecords records)
    {
        foreach (var mapped in records.Areas)
        {
            var area = FindArea(mapped.Name) ?? mapped.NamesSeen.Select(FindArea).FirstOrDefault(a => a is not null);
            if (area is null)
            {
                area = New(new Area { ProgrammeId = programmeId, Name = mapped.Name, Description = mapped.Description });
                db.Areas.Add(area);
                Created++;
            }
            else
            {
                if (Visible(area))
                {
                    area.Description ??= mapped.Description;
                }

                Updated++;
            }

            foreach (var name in mapped.NamesSeen.Append(mapped.Name).Distinct(StringComparer.Ordinal))
            {
                if (!Visible(area))
                {
                    break;
                }

                var key = AreaNames.Normalize(name);
                if (!_areas.ContainsKey(key) && !area.Aliases.Any(a => a.NormalizedName == key))
                {
                    area.Aliases.Add(new AreaAlias { Name = name, NormalizedName = key, ProgrammeId = programmeId });
                }

                _areas[key] = area;
            }

            var saved = area;
            foreach (var evidence in mapped.Evidence)
            {
                _evidence.Add((RecordType.Area, () => saved.Id, evidence));
            }
        }

        foreach (var mapped in records.Achievements)
        {
            var area = FindArea(mapped.Area);
            var key = Key(area, mapped.Title);
            if (!_achievements.TryGetValue(key, out var achievement))
            {
                achievement = New(new Achievement { ProgrammeId = programmeId, Area = area, Title = mapped.Title, TruncatedInSource = mapped.Truncated });
                db.Achievements.Add(achievement);
                _achievements[key] = achievement;
                Created++;
            }
            else
            {
                Updated++;
            }

            var saved = achievement;
            _evidence.Add((RecordType.Achievement, () => saved.Id, mapped.Evidence));
        }

        foreach (var mapped in records.Challenges)
        {
            var area = FindArea(mapped.Area);
            var key = Key(area, mapped.Title);
            if (!_challenges.TryGetValue(key, out var challenge))
            {
                challenge = New(new Challenge { ProgrammeId = programmeId, Area = area, Title = mapped.Title, Impact = mapped.Impact, TruncatedInSource = mapped.Truncated });
                db.Challenges.Add(challenge);
                _challenges[key] = challenge;
                Created++;
            }
            else if (Visible(challenge))
            {
                challenge.Impact ??= mapped.Impact;
                Updated++;
            }
            else
            {
                Updated++;
            }

            var saved = challenge;
            _evidence.Add((RecordType.Challenge, () => saved.Id, mapped.Evidence));
        }

        foreach (var mapped in records.Initiatives)
        {
            var key = AreaNames.Normalize(mapped.Name);
            if (!_initiatives.TryGetValue(key, out var initiative))
            {
                initiative = New(new Initiative { ProgrammeId = programmeId, Name = mapped.Name });
                db.Initiatives.Add(initiative);
                _initiatives[key] = initiative;
                Created++;
            }
            else
            {
                Updated++;
                if (!Visible(initiative))
                {
                    var hidden = initiative;
                    _evidence.Add((RecordType.Initiative, () => hidden.Id, mapped.Evidence));
                    continue;
                }
            }

            initiative.Area = FindArea(mapped.Area) ?? initiative.Area;
            initiative.FocusArea = mapped.FocusArea ?? initiative.FocusArea;
            if (mapped.StatusLabel is not null)
            {
                initiative.Status = mapped.Status;
                initiative.StatusLabel = mapped.StatusLabel;
            }

            initiative.Start = mapped.Start ?? initiative.Start;
            initiative.End = mapped.End ?? initiative.End;
            initiative.LeadInstitution = mapped.LeadInstitution ?? initiative.LeadInstitution;
            initiative.TruncatedInSource = mapped.Truncated;
            var saved = initiative;
            _evidence.Add((RecordType.Initiative, () => saved.Id, mapped.Evidence));
        }

        foreach (var mapped in records.Recommendations)
        {
            var key = AreaNames.Normalize(mapped.StrategicAction);
            if (!_recommendations.TryGetValue(key, out var recommendation))
            {
                recommendation = New(new Recommendation
                {
                    ProgrammeId = programmeId,
                    Area = FindArea(mapped.Area),
                    FocusArea = mapped.FocusArea,
                    StrategicAction = mapped.StrategicAction,
                    ExpectedOutcome = mapped.ExpectedOutcome,
                    TruncatedInSource = mapped.Truncated,
                });
                db.Recommendations.Add(recommendation);
                _recommendations[key] = recommendation;
                Created++;
            }
            else if (Visible(recommendation))
            {
                recommendation.ExpectedOutcome ??= mapped.ExpectedOutcome;
                Updated++;
            }
            else
            {
                Updated++;
            }

            var saved = recommendation;
            _evidence.Add((RecordType.Recommendation, () => saved.Id, mapped.Evidence));
        }
    }

    /// <summary>Adds the evidence rows once the records have ids; one row per record and passage.</summary>
    public async Task AddEvidenceAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<(RecordType, int, int)>();
        foreach (var (type, id, evidence) in _evidence)
        {
            if (seen.Add((type, id(), evidence.Line)))
            {
                db.Evidence.Add(new Evidence
                {
                    RecordType = type,
                    RecordId = id(),
                    SourceId = sourceId,
                    Quote = evidence.Quote,
                    LineStart = evidence.Line,
                    LineEnd = evidence.LineEnd,
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A new record with the source's marking.</summary>
    private T New<T>(T record)
        where T : IEditableRecord
    {
        marking.ApplyTo(record);
        return record;
    }

    /// <summary>True when the writer may see <paramref name="record"/>: only then may ingest change its values.</summary>
    private bool Visible(IEditableRecord record) => db.Access.CanSee(record);

    private Area? FindArea(string? name) =>
        name is not null && _areas.TryGetValue(AreaNames.Normalize(name), out var area) ? area : null;

    private static string Key(Area? area, string title) =>
        (area is null ? "-" : AreaNames.Normalize(area.Name)) + "\u001F" + AreaNames.Normalize(title);

    private string Key(int? areaId, string title) =>
        Key(areaId is int id ? _areasById.GetValueOrDefault(id) : null, title);
}
