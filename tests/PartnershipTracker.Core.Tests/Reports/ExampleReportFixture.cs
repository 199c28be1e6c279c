using Microsoft.Extensions.Time.Testing;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Ingest;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Reports;

/// <summary>
/// The example programme loaded into a real SQLite file, as the first run of ptrack loads it, and its report
/// rendered in both formats at a fixed time.
/// </summary>
public sealed class ExampleReportFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);

    private TempSqliteDatabase? _database;

    public ProgrammeOverview Overview { get; private set; } = null!;

    public string Html { get; private set; } = "";

    public string Markdown { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        Overview = await LoadExampleAsync(_database);
        var report = new ProgrammeReport(new FakeTimeProvider(GeneratedAt));
        Html = report.Render(Overview, ReportFormat.Html);
        Markdown = report.Render(Overview, ReportFormat.Markdown);
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>Loads the example programme (article ingested, facts added) and reads its overview.</summary>
    public static async Task<ProgrammeOverview> LoadExampleAsync(TempSqliteDatabase database, Func<PtrackDbContext, Task>? addMore = null)
    {
        await using (var db = database.CreateContext())
        {
            var ingest = Handlers.Ingest(db, new FakeTimeProvider(GeneratedAt));
            await new ExampleProgramme(db, ingest).LoadAsync();
            if (addMore is not null)
            {
                await addMore(db);
            }
        }

        await using var read = database.CreateContext();
        var overview = await new GetProgrammeOverview(read, new ProgrammeLookup(read)).HandleAsync("nato-bih");
        Assert.True(overview.Succeeded, overview.Failure?.Message);
        return overview.Value!;
    }
}
