using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Features.Dashboard;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Dashboard;

/// <summary>Latest value and trend of each indicator: which observation is latest, which is previous, and which way is better.</summary>
public sealed class IndicatorTrendTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync();
        await using var db = _database.CreateContext();
        var programme = new Programme { Slug = "trends", Name = "Trends", Alliance = "NATO", PartnerIso3 = "XXX" };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();

        Indicator I(string name, IndicatorDirection direction, params (string? Period, decimal Value)[] observations)
        {
            var indicator = new Indicator { ProgrammeId = programme.Id, Name = name, Unit = "%", Direction = direction };
            indicator.Observations.AddRange(observations.Select(o => new Observation { Period = PartialDate.ParseIso(o.Period), Value = o.Value }));
            return indicator;
        }

        db.Indicators.AddRange(
            I("Spending up", IndicatorDirection.HigherIsBetter, ("2021", 0.74m), ("2024-04", 0.9m), ("2019", 1.5m)),
            I("Spending down", IndicatorDirection.HigherIsBetter, ("2023", 2m), ("2024", 1m)),
            I("Corruption up", IndicatorDirection.LowerIsBetter, ("2023", 30m), ("2024", 35m)),
            I("Corruption down", IndicatorDirection.LowerIsBetter, ("2023", 35m), ("2024", 30m)),
            I("Budget up", IndicatorDirection.Neutral, ("2012", 145m), ("2013", 156m)),
            I("Same period, two sources", IndicatorDirection.HigherIsBetter, ("2020", 10m), ("2022", 31m), ("2022", 29m)),
            I("One observation", IndicatorDirection.HigherIsBetter, ("2022", 5m)),
            I("Undated only", IndicatorDirection.HigherIsBetter, (null, 3m), (null, 4m)),
            I("Flat", IndicatorDirection.LowerIsBetter, ("2019", 7m), ("2020", 7m)),
            I("None", IndicatorDirection.HigherIsBetter));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [InlineData(IndicatorDirection.HigherIsBetter, 1, TrendDirection.Improving)]
    [InlineData(IndicatorDirection.HigherIsBetter, -1, TrendDirection.Worsening)]
    [InlineData(IndicatorDirection.LowerIsBetter, 1, TrendDirection.Worsening)]
    [InlineData(IndicatorDirection.LowerIsBetter, -1, TrendDirection.Improving)]
    [InlineData(IndicatorDirection.Neutral, 1, TrendDirection.Rising)]
    [InlineData(IndicatorDirection.Neutral, -1, TrendDirection.Falling)]
    [InlineData(IndicatorDirection.LowerIsBetter, 0, TrendDirection.Flat)]
    public void TrendOf_DirectionAndChange_JudgesTheChange(IndicatorDirection direction, int delta, TrendDirection expected) =>
        Assert.Equal(expected, IndicatorTrend.TrendOf(direction, delta));

    [Fact]
    public async Task HandleAsync_Indicators_LatestPreviousAndTrendEachWay()
    {
        var trends = (await DashboardAsync()).Indicators.ToDictionary(i => i.Name);

        Assert.Equal((0.9m, "2024-04", 0.74m, "2021"), Values(trends["Spending up"]));
        Assert.Equal(TrendDirection.Improving, trends["Spending up"].Trend);
        Assert.Equal(TrendDirection.Worsening, trends["Spending down"].Trend);
        Assert.Equal(TrendDirection.Worsening, trends["Corruption up"].Trend);
        Assert.Equal(TrendDirection.Improving, trends["Corruption down"].Trend);
        Assert.Equal(TrendDirection.Rising, trends["Budget up"].Trend);
        Assert.Equal(TrendDirection.Flat, trends["Flat"].Trend);
    }

    [Fact]
    public async Task HandleAsync_TwoSourcesForTheLatestPeriod_ComparesWithTheEarlierPeriod()
    {
        var trend = (await DashboardAsync()).Indicators.Single(i => i.Name == "Same period, two sources");

        // The later-stored of the two 2022 values is the latest; the previous is 2020's, not the other 2022 value.
        Assert.Equal((29m, "2022", 10m, "2020"), Values(trend));
        Assert.Equal(TrendDirection.Improving, trend.Trend);
    }

    [Fact]
    public async Task HandleAsync_TooFewDatedObservations_HasNoTrend()
    {
        var trends = (await DashboardAsync()).Indicators.ToDictionary(i => i.Name);

        Assert.Equal(5m, trends["One observation"].Latest!.Value);
        Assert.Null(trends["One observation"].Previous);
        Assert.Null(trends["One observation"].Trend);
        Assert.Equal(4m, trends["Undated only"].Latest!.Value);
        Assert.Null(trends["Undated only"].Trend);
        Assert.Null(trends["None"].Latest);
        Assert.Equal(10, trends.Count);
    }

    [Fact]
    public async Task LatestObservationQuery_ReadsTheIndexNotTheTable()
    {
        await using var db = _database.CreateContext();
        var sql = DashboardQueries.LatestObservations(db, 1).ToQueryString();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // ToQueryString starts with the parameters (".param set @p0 1" or "-- @p0='1'"); the plan needs the query alone.
        var query = string.Join('\n', sql.Split('\n').Where(line => !line.StartsWith('.') && !line.StartsWith("--", StringComparison.Ordinal)));
        command.CommandText = "EXPLAIN QUERY PLAN " + query.Replace("@p0", "1", StringComparison.Ordinal);
        var plan = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var observationSteps = plan.Where(p => p.Contains(" o ", StringComparison.Ordinal) || p.Contains(" p ", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, observationSteps.Count);
        Assert.All(observationSteps, step => Assert.Contains("USING COVERING INDEX IX_Observations_IndicatorId_Period_Id (IndicatorId=?", step, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, p => p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static (decimal, string?, decimal, string?) Values(IndicatorTrend trend) =>
        (trend.Latest!.Value, trend.Latest.Period?.ToString(), trend.Previous!.Value, trend.Previous.Period?.ToString());

    private async Task<ProgrammeDashboard> DashboardAsync()
    {
        await using var db = _database.CreateContext();
        var result = await new GetProgrammeDashboard(db, new ProgrammeLookup(db), _database.Time).HandleAsync("trends");
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }
}
