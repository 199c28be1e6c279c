using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Examples;

/// <summary>
/// Which facts of the example's facts.yaml are observations of which indicator, and how each value is read.
/// This is the one place that knows; the numbers themselves are read from the facts' texts by
/// <see cref="FactValues"/>. Facts are named by their <c>fact</c> text, which must match exactly.
/// </summary>
internal static class ExampleIndicatorMap
{
    public static IReadOnlyList<IndicatorMapping> Indicators { get; } =
    [
        // Three sources disagree (0.69–0.74 vs 0.9); all three are kept.
        new("Defence spending as share of GDP", "% of GDP", IndicatorDirection.HigherIsBetter,
        [
            new("Defence spending share of GDP 2021", ValueReading.FirstNumber),
            // "2024 entry" is when the figure was published; the fact says the year measured is not stated.
            new("Share of GDP (2024 entry)", ValueReading.FirstNumber, PeriodStated: false),
            new("Share of GDP (MoD statement)", ValueReading.FirstNumber),
        ]),
        new("Perspective defence property registered", "properties", IndicatorDirection.HigherIsBetter,
        [
            new("Registered, 2015", ValueReading.PartOfWhole),
            new("Registered, 2020", ValueReading.PartOfWhole),
            // The 2022 fact gives only the count registered; the list has had 57 properties since the Presidency
            // decision of Nov 2016 (fact "List reduced": "63 reduced to **57**").
            new("Registered, 2022", ValueReading.FirstNumber, OutOf: 57m),
        ]),
        new("MoD budget", "EUR million", IndicatorDirection.Neutral,
        [
            new("MoD budget 2010", ValueReading.FirstNumber),
            new("MoD budget 2011", ValueReading.FirstNumber),
            new("MoD budget 2012", ValueReading.FirstNumber),
            new("MoD budget 2013 (plan)", ValueReading.FirstNumber),
        ]),
        new("Planned BiH–NATO joint activities completed", "%", IndicatorDirection.HigherIsBetter,
        [
            new("Early cooperation metric", ValueReading.PercentByYear),
        ]),
    ];
}

/// <summary>How a fact's value text holds its number(s).</summary>
internal enum ValueReading
{
    /// <summary>One observation: the first number (<see cref="FactValues.FirstNumber"/>).</summary>
    FirstNumber,

    /// <summary>One observation: "N of M" (<see cref="FactValues.PartOfWhole"/>), M going to <see cref="Observation.OutOf"/>.</summary>
    PartOfWhole,

    /// <summary>One observation per "P% (YYYY)" (<see cref="FactValues.PercentByYear"/>), the year as its period.</summary>
    PercentByYear,
}

/// <param name="Fact">The fact's <c>fact</c> text.</param>
/// <param name="Reading">How its value is read.</param>
/// <param name="PeriodStated">False when <c>as_of</c> is not the period measured: the period is then left null.</param>
/// <param name="OutOf">The whole, when the fact does not give it but another fact does (say which in a comment).</param>
internal sealed record FactMapping(string Fact, ValueReading Reading, bool PeriodStated = true, decimal? OutOf = null);

internal sealed record IndicatorMapping(string Name, string Unit, IndicatorDirection Direction, IReadOnlyList<FactMapping> Facts);
