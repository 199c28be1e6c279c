using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Testing;

namespace PartnershipTracker.BrowserTests;

/// <summary>The pages every browser check visits: the dashboard, each list page, a detail page of each record type, ingest.</summary>
internal static class MainPages
{
    /// <summary>The list page of every record type, in the order of the main navigation.</summary>
    public static readonly string[] Lists =
        ["/areas", "/achievements", "/challenges", "/initiatives", "/milestones", "/recommendations", "/indicators", "/sources"];

    /// <summary>The pages with fixed addresses: dashboard, list pages, the upload page.</summary>
    public static IEnumerable<string> Fixed => ["/", .. Lists, "/ingest"];

    /// <summary>The detail page of the first record of each type in <paramref name="database"/>, e.g. <c>/areas/1</c>.</summary>
    public static async Task<IReadOnlyList<string>> DetailsAsync(TempSqliteDatabase database)
    {
        await using var db = database.CreateContext();
        return
        [
            $"/areas/{await db.Areas.MinAsync(r => r.Id)}",
            $"/achievements/{await db.Achievements.MinAsync(r => r.Id)}",
            $"/challenges/{await db.Challenges.MinAsync(r => r.Id)}",
            $"/initiatives/{await db.Initiatives.MinAsync(r => r.Id)}",
            $"/milestones/{await db.Milestones.MinAsync(r => r.Id)}",
            $"/recommendations/{await db.Recommendations.MinAsync(r => r.Id)}",
            $"/indicators/{await db.Indicators.MinAsync(r => r.Id)}",
            $"/sources/{await db.Sources.MinAsync(r => r.Id)}",
        ];
    }

    /// <summary>
    /// The pages that search and edit: search, the create and edit form of each type, a delete
    /// confirmation, the interactive API page (Swagger UI at <c>/api/docs/</c>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> FormsAndSearchAsync(TempSqliteDatabase database)
    {
        var details = await DetailsAsync(database);
        return
        [
            "/search?q=reform",
            .. Lists.Select(list => list + "/new"),
            .. details.Select(detail => detail + "/edit"),
            details.Single(d => d.StartsWith("/initiatives/", StringComparison.Ordinal)) + "/delete",
            "/api/docs/",
        ];
    }

    /// <summary>Every main page: <see cref="Fixed"/> and <see cref="DetailsAsync"/>.</summary>
    public static async Task<IReadOnlyList<string>> AllAsync(TempSqliteDatabase database) =>
        [.. Fixed, .. await DetailsAsync(database)];
}
