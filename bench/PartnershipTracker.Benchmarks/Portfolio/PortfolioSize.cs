namespace PartnershipTracker.Benchmarks.Portfolio;

/// <summary>
/// How many rows of each kind a synthetic portfolio holds. <see cref="At"/>(1.0) is PRODUCT.md's "large portfolio":
/// 50 programmes, 20,000 initiatives, 100,000 achievements and 100,000 challenges (each, not together), 1,000,000
/// indicator observations; the other kinds in proportions like the example programme's.
/// </summary>
public sealed record PortfolioSize(
    int Programmes,
    int AreasPerProgramme,
    int Sources,
    int Initiatives,
    int Achievements,
    int Challenges,
    int Recommendations,
    int MilestonesPerInitiative,
    int IndicatorsPerProgramme,
    int Observations)
{
    /// <summary>The full size scaled by <paramref name="scale"/> (0 &lt; scale); every count is at least one, areas and indicators per programme stay as they are.</summary>
    public static PortfolioSize At(double scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scale);
        int Scaled(int full) => Math.Max(1, (int)Math.Round(full * scale, MidpointRounding.AwayFromZero));
        return new PortfolioSize(
            Programmes: Scaled(50),
            AreasPerProgramme: 12,
            Sources: Scaled(40_000),
            Initiatives: Scaled(20_000),
            Achievements: Scaled(100_000),
            Challenges: Scaled(100_000),
            Recommendations: Scaled(20_000),
            MilestonesPerInitiative: 2,
            IndicatorsPerProgramme: 100,
            Observations: Scaled(1_000_000));
    }

    public int Areas => Programmes * AreasPerProgramme;

    public int Milestones => Initiatives * MilestonesPerInitiative;

    public int Indicators => Programmes * IndicatorsPerProgramme;

    /// <summary>One passage of evidence per achievement, challenge, initiative, recommendation and milestone.</summary>
    public int Evidence => Achievements + Challenges + Initiatives + Recommendations + Milestones;
}
