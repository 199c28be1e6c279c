using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Marking;

namespace PartnershipTracker.Core.Examples;

/// <summary>
/// Loads the shipped example programme, NATO – Bosnia and Herzegovina: the programme, the example
/// article (embedded as <see cref="ArticleResource"/>) ingested through the same <see cref="IngestDocument"/>
/// handler users call, and the sourced facts (<see cref="ExampleFacts"/>). It is public material: every source and
/// record loads as PUBLIC.
/// </summary>
public sealed class ExampleProgramme(PtrackDbContext db, IngestDocument ingest)
{
    public const string ArticleResource = "Examples.nato-bih.article.txt";

    /// <summary>The file name the article is stored under, as if a user had ingested examples/nato-bih/article.txt.</summary>
    public const string ArticleFileName = "article.txt";

    /// <summary>Adds the example programme to a database that has none with its slug.</summary>
    /// <exception cref="InvalidOperationException">The embedded article does not ingest: a broken build, not a user error.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        var programme = ExampleFacts.CreateProgramme();
        programme.Summary =
            "Bosnia and Herzegovina joined NATO's Partnership for Peace in 2006 and was invited to the Membership " +
            "Action Plan in 2010, conditional on registering immovable defence property as state property. Since 2019 " +
            "it submits a Reform Programme instead of an Annual National Programme.";
        db.Programmes.Add(programme);
        await db.SaveChangesAsync(cancellationToken);

        var result = await ingest.HandleAsync(
            new IngestRequest(ArticleFileName, ReadArticle(), programme.Slug, IngestMode.Store, RecordMarking.Public, Approve: true), cancellationToken);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The example article did not ingest: " + result.Failure!.Message);
        }

        await ExampleFacts.Load(programme.Id).AddToAsync(db, cancellationToken);
    }

    /// <summary>The example article's bytes, as shipped in examples/nato-bih/article.txt.</summary>
    public static byte[] ReadArticle()
    {
        using var stream = typeof(ExampleProgramme).Assembly.GetManifestResourceStream(ArticleResource)
            ?? throw new InvalidOperationException($"The embedded resource {ArticleResource} is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
