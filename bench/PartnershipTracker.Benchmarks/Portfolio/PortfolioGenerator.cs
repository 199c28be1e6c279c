using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Data.Sqlite;
using static PartnershipTracker.Benchmarks.Portfolio.PortfolioText;

namespace PartnershipTracker.Benchmarks.Portfolio;

/// <summary>
/// Writes a synthetic portfolio of <see cref="PortfolioSize"/> into a new SQLite file: the schema comes from the app's own
/// migrations (<see cref="DatabaseInitializer"/>), the rows from raw prepared INSERTs in one transaction. The same size and
/// seed give the same rows, byte for byte. Ids are dense from 1 in every table; record <c>i</c> (0-based) of each kind
/// belongs to programme <c>i % Programmes</c>. History: a "Created" change for every editable record (as ingest writes)
/// and an "Updated" one, made by "web", for every tenth initiative (a status change) and every twentieth challenge
/// (Open → Easing), whose revision is then 2.
/// </summary>
public sealed class PortfolioGenerator(PortfolioSize size, int seed)
{
    /// <summary>The instant the synthetic portfolio claims to have been written (history dates lie before it).</summary>
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly string[] InitiativeStatuses = ["Planned", "Launched", "Ongoing", "Ongoing", "Ongoing", "Completed", "Stalled", "Cancelled", "Ongoing", "Launched"];
    private static readonly string[] ChallengeStatuses = ["Open", "Open", "Open", "Easing", "Resolved"];
    private static readonly string[] Severities = ["Unrated", "Low", "Medium", "Medium", "High", "High", "Critical"];
    private static readonly string[] RecommendationStatuses = ["Issued", "Accepted", "InProgress", "InProgress", "Implemented", "Rejected"];
    private static readonly string[] MilestoneStatuses = ["Done", "Done", "Due", "Missed"];
    private static readonly string[] SourceKinds = ["Official", "AllianceStatement", "Media", "ThinkTank", "CivilSociety", "Unknown"];
    private static readonly string[] Directions = ["HigherIsBetter", "HigherIsBetter", "LowerIsBetter", "Neutral"];
    private static readonly string[] Confidences = ["high", "medium", "low"];

    private readonly Random _random = new(seed);

    /// <summary>Creates <paramref name="path"/> (which must not exist) and fills it.</summary>
    /// <returns>Rows written per table, e.g. <c>Initiatives → 20000</c>.</returns>
    public async Task<IReadOnlyDictionary<string, long>> WriteAsync(string path, CancellationToken cancellationToken = default)
    {
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists; the portfolio is written into a new file only.");
        }

        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        await using (var db = SqliteDatabaseProvider.CreateContext(connectionString))
        {
            await new DatabaseInitializer(db).MigrateAsync(cancellationToken);
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA foreign_keys=ON;");
        var counts = new Dictionary<string, long>();
        await using (var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken))
        {
            var writer = new Writer(connection, transaction, counts);
            WriteProgrammes(writer);
            WriteAreas(writer);
            WriteSources(writer);
            WriteInitiatives(writer);
            WriteMilestones(writer);
            WriteAchievements(writer);
            WriteChallenges(writer);
            WriteRecommendations(writer);
            WriteIndicators(writer);
            await transaction.CommitAsync(cancellationToken);
        }

        await ExecuteAsync(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        return counts;
    }

    private static string Slug(int programme) => $"synthetic-{programme + 1:00}";

    private int AreaOf(int programme) => (programme * size.AreasPerProgramme) + _random.Next(size.AreasPerProgramme) + 1;

    /// <summary>A source of the same programme: sources are dealt round-robin like every other kind.</summary>
    private int SourceOf(int programme)
    {
        var perProgramme = Math.Max(1, size.Sources / size.Programmes);
        var id = (_random.Next(perProgramme) * size.Programmes) + programme + 1;
        return id <= size.Sources ? id : ((programme % size.Sources) + 1);
    }

    private string Pick(string[] words) => words[_random.Next(words.Length)];

    private string Year() => (2008 + _random.Next(19)).ToString(CultureInfo.InvariantCulture);

    /// <summary>A partial date as the app stores it: "2021", "2021-05" or "2021-05-17".</summary>
    private string PartialDate(out string text)
    {
        var day = new DateOnly(2008, 1, 1).AddDays(_random.Next(365 * 19));
        switch (_random.Next(3))
        {
            case 0:
                text = day.Year.ToString(CultureInfo.InvariantCulture);
                return text;
            case 1:
                text = day.ToString("MMM yyyy", CultureInfo.InvariantCulture);
                return day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            default:
                text = day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
                return day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
    }

    private string At(int daysBack) =>
        GeneratedAt.AddDays(-daysBack).AddSeconds(-_random.Next(86_400)).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private void WriteProgrammes(Writer writer)
    {
        using var insert = writer.Table("Programmes", "Id", "Slug", "Name", "Alliance", "PartnerIso3", "Frameworks", "ReviewCycle", "Summary");
        for (var p = 0; p < size.Programmes; p++)
        {
            var partner = Partners[p % Partners.Length];
            insert.Row(p + 1, Slug(p), $"Synthetic programme {p + 1:00} ({partner})", "Synthetic Alliance", partner,
                "Partnership Plan, Reform Programme", "annual",
                $"A synthetic programme for load measurement: partner {partner}, {size.Initiatives / size.Programmes:N0} initiatives across {size.AreasPerProgramme} areas.");
        }
    }

    private void WriteAreas(Writer writer)
    {
        using var insert = writer.Table("Areas", "Id", "ProgrammeId", "Name", "Chapter", "Description", "Revision");
        using var alias = writer.Table("AreaAliases", "Id", "AreaId", "ProgrammeId", "Name", "NormalizedName");
        using var history = writer.History();
        var id = 0;
        for (var p = 0; p < size.Programmes; p++)
        {
            for (var a = 0; a < size.AreasPerProgramme; a++)
            {
                id++;
                var name = Domains[(p + a) % Domains.Length];
                insert.Row(id, p + 1, name, null, $"Work on {name.ToLowerInvariant()} agreed in the partnership plan.", 1);
                alias.Row(id, id, p + 1, name, name.ToLowerInvariant());
                history.Created(p + 1, "Area", id, At(700), new() { ["Name"] = name, ["ProgrammeId"] = p + 1 });
            }
        }
    }

    private void WriteSources(Writer writer)
    {
        using var insert = writer.Table("Sources", "Id", "ProgrammeId", "Title", "Publisher", "Url", "PublishedOn", "Format", "Kind", "Version", "Content", "DataQualityFlags", "Revision");
        using var history = writer.History();
        var content = new StringBuilder();
        for (var i = 0; i < size.Sources; i++)
        {
            var p = i % size.Programmes;
            var publisher = Pick(Publishers);
            var published = PartialDate(out _);
            var title = $"{publisher}: {Pick(Domains).ToLowerInvariant()} review {published[..4]}";
            content.Clear();
            for (var s = 0; s < 6; s++)
            {
                content.Append(Pick(PastVerbs)).Append(' ').Append(Pick(Objects)).Append(Pick(Qualifiers)).Append(". ")
                    .Append(Pick(Problems)).Append(' ').Append(Pick(Objects)).Append(". ").Append(Pick(Impacts)).Append('\n');
            }

            insert.Row(i + 1, p + 1, title, publisher, $"https://example.org/synthetic/{Slug(p)}/{i + 1}", published,
                i % 3 == 0 ? "html" : "text", Pick(SourceKinds), 1, content.ToString(), "[]", 1);
            history.Created(p + 1, "Source", i + 1, At(720), new() { ["Title"] = title, ["ProgrammeId"] = p + 1 });
        }
    }

    private void WriteInitiatives(Writer writer)
    {
        using var insert = writer.Table("Initiatives", "Id", "ProgrammeId", "AreaId", "Name", "Status", "StatusLabel", "Start", "End", "LeadInstitution", "TruncatedInSource", "FocusArea", "Revision");
        using var evidence = writer.Evidence();
        using var history = writer.History();
        for (var i = 0; i < size.Initiatives; i++)
        {
            var p = i % size.Programmes;
            var area = AreaOf(p);
            var domain = Domains[(p + area - 1 - (p * size.AreasPerProgramme)) % Domains.Length];
            var name = $"{Pick(InitiativeAdjectives)} {domain} {Pick(InitiativeKinds)}{Pick(Phases)}";
            var updated = i % 10 == 9;
            var status = InitiativeStatuses[_random.Next(InitiativeStatuses.Length)];
            if (updated && status == "Ongoing")
            {
                status = "Stalled";
            }

            var start = Year();
            var label = status is "Launched" ? $"Launched {start}" : status;
            var end = status is "Completed" or "Cancelled" ? (int.Parse(start, CultureInfo.InvariantCulture) + 1 + _random.Next(4)).ToString(CultureInfo.InvariantCulture) : null;
            insert.Row(i + 1, p + 1, area, name, status, label, start, end, Pick(Institutions), _random.Next(50) == 0 ? 1 : 0, domain, updated ? 2 : 1);
            evidence.Row("Initiative", i + 1, SourceOf(p), $"{name} | {domain} | {label}");
            history.Created(p + 1, "Initiative", i + 1, At(400), new() { ["Name"] = name, ["Status"] = updated ? "Ongoing" : status, ["ProgrammeId"] = p + 1 });
            if (updated)
            {
                history.Updated(p + 1, "Initiative", i + 1, At(_random.Next(300)), "Status", "Ongoing", status);
            }
        }
    }

    private void WriteMilestones(Writer writer)
    {
        using var insert = writer.Table("Milestones", "Id", "ProgrammeId", "InitiativeId", "Title", "Description", "Date", "DateText", "Status", "Confidence", "Revision");
        using var evidence = writer.Evidence();
        using var history = writer.History();
        var id = 0;
        for (var i = 0; i < size.Initiatives; i++)
        {
            var p = i % size.Programmes;
            for (var m = 0; m < size.MilestonesPerInitiative; m++)
            {
                id++;
                var title = $"{Pick(InitiativeAdjectives)} {Pick(Domains).ToLowerInvariant()} work: {MilestoneSteps[(m + i) % MilestoneSteps.Length]}";
                var date = PartialDate(out var dateText);
                insert.Row(id, p + 1, i + 1, title, $"{Pick(PastVerbs)} {Pick(Objects)}{Pick(Qualifiers)}.", date, dateText, Pick(MilestoneStatuses), Pick(Confidences), 1);
                evidence.Row("Milestone", id, SourceOf(p), $"{title} ({dateText})");
                history.Created(p + 1, "Milestone", id, At(400), new() { ["Title"] = title, ["ProgrammeId"] = p + 1 });
            }
        }
    }

    private void WriteAchievements(Writer writer)
    {
        using var insert = writer.Table("Achievements", "Id", "ProgrammeId", "AreaId", "Title", "Date", "TruncatedInSource", "Revision");
        using var evidence = writer.Evidence();
        using var history = writer.History();
        for (var i = 0; i < size.Achievements; i++)
        {
            var p = i % size.Programmes;
            var title = $"{Pick(PastVerbs)} {Pick(Objects)}{Pick(Qualifiers)}";
            insert.Row(i + 1, p + 1, AreaOf(p), title, _random.Next(3) == 0 ? null : PartialDate(out _), _random.Next(100) == 0 ? 1 : 0, 1);
            evidence.Row("Achievement", i + 1, SourceOf(p), title);
            history.Created(p + 1, "Achievement", i + 1, At(500), new() { ["Title"] = title, ["ProgrammeId"] = p + 1 });
        }
    }

    private void WriteChallenges(Writer writer)
    {
        using var insert = writer.Table("Challenges", "Id", "ProgrammeId", "AreaId", "Title", "Impact", "Severity", "Status", "Owner", "TruncatedInSource", "Revision");
        using var evidence = writer.Evidence();
        using var history = writer.History();
        for (var i = 0; i < size.Challenges; i++)
        {
            var p = i % size.Programmes;
            var title = $"{Pick(Problems)} {Pick(Objects)}";
            var updated = i % 20 == 19;
            var status = updated ? "Easing" : Pick(ChallengeStatuses);
            insert.Row(i + 1, p + 1, _random.Next(8) == 0 ? null : AreaOf(p), title, Pick(Impacts), Pick(Severities), status,
                _random.Next(2) == 0 ? Pick(Institutions) : null, _random.Next(100) == 0 ? 1 : 0, updated ? 2 : 1);
            evidence.Row("Challenge", i + 1, SourceOf(p), title);
            history.Created(p + 1, "Challenge", i + 1, At(500), new() { ["Title"] = title, ["Status"] = updated ? "Open" : status, ["ProgrammeId"] = p + 1 });
            if (updated)
            {
                history.Updated(p + 1, "Challenge", i + 1, At(_random.Next(300)), "Status", "Open", "Easing");
            }
        }
    }

    private void WriteRecommendations(Writer writer)
    {
        using var insert = writer.Table("Recommendations", "Id", "ProgrammeId", "AreaId", "FocusArea", "StrategicAction", "ExpectedOutcome", "IssuedBy", "Cycle", "Status", "TruncatedInSource", "Revision");
        using var evidence = writer.Evidence();
        using var history = writer.History();
        for (var i = 0; i < size.Recommendations; i++)
        {
            var p = i % size.Programmes;
            var area = AreaOf(p);
            var focus = Domains[(p + area - 1 - (p * size.AreasPerProgramme)) % Domains.Length];
            var action = $"{Pick(Imperatives)} {Pick(Objects)}{Pick(Qualifiers)}.";
            insert.Row(i + 1, p + 1, area, focus, action, Pick(Outcomes), Pick(Publishers), Year(), Pick(RecommendationStatuses), 0, 1);
            evidence.Row("Recommendation", i + 1, SourceOf(p), $"{focus} | {action}");
            history.Created(p + 1, "Recommendation", i + 1, At(500), new() { ["StrategicAction"] = action, ["ProgrammeId"] = p + 1 });
        }
    }

    private void WriteIndicators(Writer writer)
    {
        using var insert = writer.Table("Indicators", "Id", "ProgrammeId", "AreaId", "Name", "Unit", "Direction", "Description", "Revision");
        using var observation = writer.Table("Observations", "Id", "IndicatorId", "Value", "Period", "PeriodText", "SourceId", "Confidence", "Note");
        using var history = writer.History();
        var perIndicator = size.Observations / size.Indicators;
        var extra = size.Observations % size.Indicators;
        var observationId = 0;
        for (var i = 0; i < size.Indicators; i++)
        {
            var p = i % size.Programmes;
            var metric = (i / size.Programmes) % Metrics.Length;
            var (unit, low, high) = Units[metric];
            var name = $"{Metrics[metric]}: {Domains[(i / size.Programmes / Metrics.Length + p) % Domains.Length].ToLowerInvariant()} ({i / size.Programmes + 1})";
            insert.Row(i + 1, p + 1, AreaOf(p), name, unit, Directions[metric % Directions.Length], $"{Metrics[metric]} measured in {unit}.", 1);
            history.Created(p + 1, "Indicator", i + 1, At(600), new() { ["Name"] = name, ["ProgrammeId"] = p + 1 });

            // Monthly values from January 2000 on, drifting between the unit's bounds.
            var value = low + ((high - low) * _random.NextDouble());
            var count = perIndicator + (i < extra ? 1 : 0);
            for (var o = 0; o < count; o++)
            {
                value = Math.Clamp(value + ((high - low) * (_random.NextDouble() - 0.45) * 0.05), low, high);
                var month = new DateOnly(2000, 1, 1).AddMonths(o);
                observation.Row(++observationId, i + 1, Math.Round(value, 2).ToString(CultureInfo.InvariantCulture),
                    month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.ToString("MMM yyyy", CultureInfo.InvariantCulture),
                    SourceOf(p), Pick(Confidences), null);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Prepared INSERTs on one connection and transaction, counting rows per table.</summary>
    private sealed class Writer(SqliteConnection connection, SqliteTransaction transaction, Dictionary<string, long> counts)
    {
        private long _evidenceId;
        private long _changeId;

        public Insert Table(string table, params string[] columns) => new(this, table, columns);

        private SqliteCommand NewCommand()
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            return command;
        }

        private void Count(string table) => counts[table] = counts.GetValueOrDefault(table) + 1;

        public EvidenceInsert Evidence() => new(Table("Evidence", "Id", "RecordType", "RecordId", "SourceId", "Quote", "LineStart", "LineEnd"), () => ++_evidenceId);

        public HistoryInsert History() => new(Table("ChangeRecords", "Id", "ProgrammeId", "RecordType", "RecordId", "Action", "Revision", "At", "Actor", "Changes"), () => ++_changeId);

        public sealed class Insert : IDisposable
        {
            private readonly Writer _writer;
            private readonly string _table;
            private readonly SqliteCommand _command;
            private readonly SqliteParameter[] _parameters;

            public Insert(Writer writer, string table, string[] columns)
            {
                _writer = writer;
                _table = table;
                _command = writer.NewCommand();
                _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
                _parameters = [.. columns.Select((_, i) => _command.Parameters.Add(new SqliteParameter("$p" + i, null)))];
                _command.Prepare();
            }

            public void Row(params object?[] values)
            {
                for (var i = 0; i < _parameters.Length; i++)
                {
                    _parameters[i].Value = values[i] ?? DBNull.Value;
                }

                _command.ExecuteNonQuery();
                _writer.Count(_table);
            }

            public void Dispose() => _command.Dispose();
        }

        public sealed class EvidenceInsert(Insert insert, Func<long> nextId) : IDisposable
        {
            public void Row(string recordType, int recordId, int sourceId, string quote)
            {
                var id = nextId();
                var line = (int)(id % 40) + 1;
                insert.Row(id, recordType, recordId, sourceId, quote, line, line);
            }

            public void Dispose() => insert.Dispose();
        }

        public sealed class HistoryInsert(Insert insert, Func<long> nextId) : IDisposable
        {
            public void Created(int programmeId, string recordType, int recordId, string at, Dictionary<string, object?> fields) =>
                insert.Row(nextId(), programmeId, recordType, recordId, "Created", 1, at, "system",
                    JsonSerializer.Serialize(fields.ToDictionary(f => f.Key, f => new { before = (object?)null, after = f.Value })));

            public void Updated(int programmeId, string recordType, int recordId, string at, string field, string before, string after) =>
                insert.Row(nextId(), programmeId, recordType, recordId, "Updated", 2, at, "web",
                    JsonSerializer.Serialize(new Dictionary<string, object> { [field] = new { before, after } }));

            public void Dispose() => insert.Dispose();
        }
    }
}
