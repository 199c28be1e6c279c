using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages;

/// <summary>The dashboard of one programme: the only one, or <c>?programme=SLUG</c>.</summary>
public sealed class IndexModel(GetProgrammeOverview overview) : PageModel
{
    public ProgrammeOverview Overview { get; private set; } = null!;

    /// <summary>Initiatives per status, every status listed (zero included); null is a label no status was read from.</summary>
    public IReadOnlyList<(InitiativeStatus? Status, int Count)> InitiativesByStatus { get; private set; } = [];

    public IReadOnlyList<AreaCount> RecordsByArea { get; private set; } = [];

    /// <summary>Areas with achievements or unresolved challenges, as the source's "progress area" table has them.</summary>
    public IReadOnlyList<ProgressRow> Progress { get; private set; } = [];

    public IReadOnlyList<ChallengeRow> OpenChallenges { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] string? programme, CancellationToken cancellationToken)
    {
        var result = await overview.HandleAsync(string.IsNullOrWhiteSpace(programme) ? null : programme, cancellationToken);
        if (!result.Succeeded)
        {
            return this.Failed(result.Failure!);
        }

        Overview = result.Value!;
        var initiatives = Overview.Initiatives;
        InitiativesByStatus = Enum.GetValues<InitiativeStatus>()
            .Select(s => ((InitiativeStatus?)s, initiatives.Count(i => i.Status == s)))
            .Concat(initiatives.Any(i => i.Status is null) ? [((InitiativeStatus?)null, initiatives.Count(i => i.Status is null))] : [])
            .ToList();

        RecordsByArea = Overview.Areas
            .Select(a => new AreaCount(a.Id, a.Name,
                Overview.Achievements.Count(x => x.AreaId == a.Id),
                Overview.Challenges.Count(x => x.AreaId == a.Id),
                Overview.Initiatives.Count(x => x.AreaId == a.Id),
                Overview.Recommendations.Count(x => x.AreaId == a.Id)))
            .Append(new AreaCount(null, "No area (cross-cutting)",
                Overview.Achievements.Count(x => x.AreaId is null),
                Overview.Challenges.Count(x => x.AreaId is null),
                Overview.Initiatives.Count(x => x.AreaId is null),
                Overview.Recommendations.Count(x => x.AreaId is null)))
            .Where(a => a.Total > 0)
            .ToList();

        Progress = Overview.Areas
            .Select(a => new ProgressRow(a,
                Overview.Achievements.Where(x => x.AreaId == a.Id).ToList(),
                Overview.Challenges.Where(x => x.AreaId == a.Id && x.Status != ChallengeStatus.Resolved).ToList()))
            .Where(r => r.Achievements.Count > 0 || r.Challenges.Count > 0)
            .ToList();

        OpenChallenges = Overview.Challenges.Where(c => c.Status == ChallengeStatus.Open).ToList();
        return Page();
    }

    public sealed record AreaCount(int? AreaId, string Name, int Achievements, int Challenges, int Initiatives, int Recommendations)
    {
        public int Total => Achievements + Challenges + Initiatives + Recommendations;
    }

    public sealed record ProgressRow(AreaRow Area, IReadOnlyList<AchievementRow> Achievements, IReadOnlyList<ChallengeRow> Challenges);
}
