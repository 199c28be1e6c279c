using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Examples;

/// <summary>
/// The sourced facts of the shipped example programme, NATO – Bosnia and Herzegovina
/// (examples/nato-bih/facts.yaml, embedded as <see cref="ResourceName"/>), as records: sources, milestones with
/// evidence, and indicators with observations. Conflicting figures are all kept; nothing is invented: a fact whose
/// source cannot be identified gets no evidence.
/// </summary>
public static class ExampleFacts
{
    public const string ResourceName = "Examples.nato-bih.facts.yaml";

    /// <summary>The example programme itself, to be saved before the facts (they need its id).</summary>
    public static Programme CreateProgramme() => new()
    {
        Slug = "nato-bih",
        Name = "NATO – Bosnia and Herzegovina",
        Alliance = "NATO",
        PartnerIso3 = "BIH",
        Frameworks = "Partnership for Peace, Membership Action Plan, Reform Programme, Individually Tailored Partnership Programme",
        ReviewCycle = "annual",
    };

    /// <summary>Reads the embedded facts file for the programme <paramref name="programmeId"/>.</summary>
    public static ExampleFactsResult Load(int programmeId)
    {
        using var stream = typeof(ExampleFacts).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Read(reader, programmeId);
    }

    /// <summary>Reads a facts file of the same shape as the example's.</summary>
    /// <exception cref="InvalidOperationException">A fact named in the indicator map is missing or its value does not read: the file and the map disagree.</exception>
    public static ExampleFactsResult Read(TextReader yaml, int programmeId)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var facts = FactsFile.Read(yaml).Facts;
        var sourcesByUrl = FactSources.Create(facts, programmeId);
        var factSources = SourcesOfFacts(facts, sourcesByUrl);

        var milestones = facts
            .Where(f => f.Section == "Milestones")
            .Select(f => new SourcedMilestone(
                new Milestone
                {
                    ProgrammeId = programmeId,
                    Title = f.Fact,
                    Description = f.Value,
                    Date = PartialDate.FromText(f.AsOf),
                    DateText = f.AsOf,
                    Status = MilestoneStatus.Done,
                    Confidence = f.Confidence,
                },
                factSources[f].Select(s => new Evidence
                {
                    RecordType = RecordType.Milestone,
                    Source = s,
                    Quote = f.Value,
                }).ToList()))
            .ToList();

        var observationSources = new Dictionary<Observation, IReadOnlyList<Source>>();
        var indicators = ExampleIndicatorMap.Indicators
            .Select(map => CreateIndicator(map, facts, factSources, observationSources, programmeId))
            .ToList();

        return new ExampleFactsResult(sourcesByUrl.Values.ToList(), milestones, indicators, observationSources);
    }

    /// <summary>
    /// The sources of each fact: its <c>sources</c> list, or else the one earlier source its note points at
    /// (see <see cref="FactSources.ResolveReference"/>), or none.
    /// </summary>
    private static Dictionary<FactEntry, IReadOnlyList<Source>> SourcesOfFacts(
        IReadOnlyList<FactEntry> facts, Dictionary<string, Source> sourcesByUrl)
    {
        var result = new Dictionary<FactEntry, IReadOnlyList<Source>>();
        var earlier = new List<Source>();
        IReadOnlyList<Source> previous = [];
        foreach (var fact in facts)
        {
            IReadOnlyList<Source> sources;
            if (fact.Sources.Count > 0)
            {
                sources = fact.Sources.Distinct(StringComparer.Ordinal).Select(url => sourcesByUrl[url]).ToList();
            }
            else
            {
                var referenced = FactSources.ResolveReference(fact.SourceNote, earlier, previous);
                sources = referenced is null ? [] : [referenced];
            }

            result[fact] = sources;
            earlier.AddRange(sources.Where(s => !earlier.Contains(s)));
            previous = sources;
        }

        return result;
    }

    private static Indicator CreateIndicator(
        IndicatorMapping map,
        IReadOnlyList<FactEntry> facts,
        Dictionary<FactEntry, IReadOnlyList<Source>> factSources,
        Dictionary<Observation, IReadOnlyList<Source>> observationSources,
        int programmeId)
    {
        var indicator = new Indicator
        {
            ProgrammeId = programmeId,
            Name = map.Name,
            Unit = map.Unit,
            Direction = map.Direction,
        };
        foreach (var mapping in map.Facts)
        {
            var fact = facts.FirstOrDefault(f => f.Fact == mapping.Fact)
                ?? throw new InvalidOperationException($"The indicator map names the fact \"{mapping.Fact}\", which the facts file does not have.");
            var sources = factSources[fact];
            var source = sources.Count > 0 ? sources[0] : null;
            indicator.Observations.AddRange(ReadObservations(fact, mapping).Select(o =>
            {
                o.Source = source;
                observationSources[o] = sources;
                o.Confidence = fact.Confidence;
                o.Note = fact.Value;
                return o;
            }));
        }

        return indicator;
    }

    private static List<Observation> ReadObservations(FactEntry fact, FactMapping mapping)
    {
        var period = mapping.PeriodStated ? PartialDate.FromText(fact.AsOf) : null;
        switch (mapping.Reading)
        {
            case ValueReading.FirstNumber:
                var value = FactValues.FirstNumber(fact.Value) ?? throw Unreadable(fact);
                return [new Observation { Value = value, OutOf = mapping.OutOf, Period = period, PeriodText = fact.AsOf }];
            case ValueReading.PartOfWhole:
                var (part, whole) = FactValues.PartOfWhole(fact.Value) ?? throw Unreadable(fact);
                return [new Observation { Value = part, OutOf = whole, Period = period, PeriodText = fact.AsOf }];
            case ValueReading.PercentByYear:
                var values = FactValues.PercentByYear(fact.Value);
                return values.Count == 0
                    ? throw Unreadable(fact)
                    : values.Select(v => new Observation
                    {
                        Value = v.Percent,
                        Period = new PartialDate(v.Year),
                        PeriodText = v.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    }).ToList();
            default:
                throw new InvalidOperationException($"Unknown reading {mapping.Reading}.");
        }
    }

    private static InvalidOperationException Unreadable(FactEntry fact) =>
        new($"The value of the fact \"{fact.Fact}\" does not read as the indicator map expects: \"{fact.Value}\".");
}

/// <summary>A milestone and its evidence; the evidence's RecordId is set when the milestone is saved.</summary>
public sealed record SourcedMilestone(Milestone Milestone, IReadOnlyList<Evidence> Evidence);

/// <summary>
/// What <see cref="ExampleFacts"/> read: entities not yet tracked by any context. <see cref="ObservationSources"/>
/// gives every source of each observation's fact (the observation's own <c>Source</c> is the first of them).
/// </summary>
public sealed record ExampleFactsResult(
    IReadOnlyList<Source> Sources,
    IReadOnlyList<SourcedMilestone> Milestones,
    IReadOnlyList<Indicator> Indicators,
    IReadOnlyDictionary<Observation, IReadOnlyList<Source>> ObservationSources)
{
    /// <summary>
    /// Adds everything to <paramref name="db"/> and saves, in one transaction: sources, milestones and indicators
    /// with their observations first, then the evidence of milestones and observations (which needs their ids):
    /// one row per source, quoting the fact's value.
    /// The programme must already be saved.
    /// </summary>
    public async Task AddToAsync(PtrackDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Public material (docs/adr/0016-markings.md): every source, milestone and indicator is PUBLIC.
        foreach (var record in Sources.Concat<IEditableRecord>(Milestones.Select(m => m.Milestone)).Concat(Indicators))
        {
            record.Classification = Classification.Public;
        }

        db.Sources.AddRange(Sources);
        db.Milestones.AddRange(Milestones.Select(m => m.Milestone));
        db.Indicators.AddRange(Indicators);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (milestone, evidence) in Milestones)
        {
            foreach (var item in evidence)
            {
                item.RecordId = milestone.Id;
                db.Evidence.Add(item);
            }
        }

        foreach (var (observation, sources) in ObservationSources)
        {
            foreach (var source in sources)
            {
                db.Evidence.Add(new Evidence
                {
                    RecordType = RecordType.Observation,
                    RecordId = observation.Id,
                    SourceId = source.Id,
                    Quote = observation.Note ?? observation.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
