using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Search;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Domain;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Core.Tests.Search;

/// <summary>Search over the example programme plus a few records of its own, through the SQLite FTS5 index and its triggers.</summary>
public sealed class SearchRecordsTests : ExampleDatabaseTest
{
    [Fact]
    public async Task HandleAsync_WordInAnInitiativeName_FindsItWithMarkedSnippet()
    {
        var results = await SearchAsync("cybersecurity initiative");

        var hit = Assert.Single(results.Items, r => r.RecordType == RecordType.Initiative);
        Assert.Equal("Cybersecurity Initiative", hit.Title);
        Assert.Equal("<mark>Cybersecurity</mark> <mark>Initiative</mark>", hit.SnippetHtml);
        Assert.Equal(["cybersecurity", "initiative"], results.Words);
    }

    [Fact]
    public async Task HandleAsync_WordOnlyInASourcesText_FindsTheSource()
    {
        await using var db = Database.CreateContext();
        var programme = await db.Programmes.SingleAsync();
        db.Sources.Add(new Source
        {
            ProgrammeId = programme.Id,
            Title = "Field notes",
            FileName = "field-notes.txt",
            Content = "Line one.\nThe quartermaster reported <script>alert(1)</script> and <img src=x onerror=alert(2)> in the depot.\nLine three.",
        });
        await db.SaveChangesAsync();

        var results = await SearchAsync("quartermaster");

        var hit = Assert.Single(results.Items);
        Assert.Equal((RecordType.Source, "Field notes"), (hit.RecordType, hit.Title));
        Assert.Contains("The <mark>quartermaster</mark> reported &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", hit.SnippetHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_StemmedWord_FindsOtherForms()
    {
        var results = await SearchAsync("protocol");

        Assert.Contains(results.Items, r => r.Title == "Implementation of new protocols");
    }

    [Fact]
    public async Task HandleAsync_DeletedRecord_NotFoundUntilRestored()
    {
        await using var db = Database.CreateContext();
        var cyber = await db.Initiatives.AsNoTracking().SingleAsync(i => i.Name == "Cybersecurity Initiative");

        await new DeleteRecord(db, Database.Time).HandleAsync(new RecordAtRevision(RecordType.Initiative, cyber.Id, cyber.Revision));
        var whileDeleted = await SearchAsync("cybersecurity initiative");
        await new RestoreRecord(Database.CreateContext()).HandleAsync(new RecordAtRevision(RecordType.Initiative, cyber.Id, cyber.Revision + 1));
        var afterRestore = await SearchAsync("cybersecurity initiative");

        Assert.DoesNotContain(whileDeleted.Items, r => r.RecordType == RecordType.Initiative);
        Assert.Contains(afterRestore.Items, r => r.RecordType == RecordType.Initiative && r.RecordId == cyber.Id);
    }

    [Fact]
    public async Task HandleAsync_RecordRenamed_FoundByTheNewNameOnly()
    {
        await using var db = Database.CreateContext();
        var defense = await db.Initiatives.SingleAsync(i => i.Name == "Defense Reform Program");
        defense.Name = "Armed forces consolidation";
        await db.SaveChangesAsync();

        Assert.Single((await SearchAsync("consolidation")).Items);
        Assert.DoesNotContain((await SearchAsync("defense reform program")).Items, r => r.RecordType == RecordType.Initiative);
    }

    [Fact]
    public async Task HandleAsync_RowInsertedWithRawSql_IsIndexedByTheTrigger()
    {
        await using var db = Database.CreateContext();
        await db.Database.ExecuteSqlRawAsync(
            """INSERT INTO "Achievements" ("ProgrammeId", "Title", "TruncatedInSource", "Revision") VALUES ((SELECT "Id" FROM "Programmes"), 'Hydrographic survey completed', 0, 1)""");

        var hit = Assert.Single((await SearchAsync("hydrographic")).Items);

        Assert.Equal(RecordType.Achievement, hit.RecordType);
        Assert.Equal(await db.Achievements.Where(a => a.Title == "Hydrographic survey completed").Select(a => a.Id).SingleAsync(), hit.RecordId);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("AND OR")]
    [InlineData("*")]
    [InlineData("NEAR(defence")]
    [InlineData("defence\" OR \"x")]
    [InlineData("-defence ^title: {x}")]
    public async Task HandleAsync_QuerySyntaxJunk_IsReadAsPlainWords(string query)
    {
        var result = await new SearchRecords(Index()).HandleAsync(new SearchRequest(query));

        Assert.True(result.Succeeded);
        Assert.Equal(SearchRecords.Words(query), result.Value!.Words);
    }

    [Fact]
    public async Task HandleAsync_EmptyQuery_SearchesNothing()
    {
        var results = await SearchAsync("  \" * ");

        Assert.Empty(results.Words);
        Assert.Empty(results.Items);
    }

    [Fact]
    public async Task HandleAsync_TooManyWordsOrBadPage_IsInvalidWithTheField()
    {
        var words = await new SearchRecords(Index()).HandleAsync(new SearchRequest(string.Join(' ', Enumerable.Range(1, 17).Select(i => "w" + i))));
        var page = await new SearchRecords(Index()).HandleAsync(new SearchRequest("defence", 0));

        Assert.Equal((FailureKind.Invalid, "q"), (words.Failure!.Kind, words.Failure.Fields!.Keys.Single()));
        Assert.Equal((FailureKind.Invalid, "page"), (page.Failure!.Kind, page.Failure.Fields!.Keys.Single()));
    }

    [Fact]
    public async Task HandleAsync_Pages_DoNotOverlap()
    {
        await using var db = Database.CreateContext();
        var programme = await db.Programmes.SingleAsync();
        db.Achievements.AddRange(Enumerable.Range(1, 25).Select(i => new Achievement { ProgrammeId = programme.Id, Title = $"Bridge number {i} rebuilt" }));
        await db.SaveChangesAsync();

        var first = await SearchAsync("bridge");
        var second = (await new SearchRecords(Index()).HandleAsync(new SearchRequest("bridge", 2))).Value!;

        Assert.Equal((20, true), (first.Items.Count, first.HasMore));
        Assert.Equal((5, false), (second.Items.Count, second.HasMore));
        Assert.Empty(first.Items.Select(i => i.RecordId).Intersect(second.Items.Select(i => i.RecordId)));
    }

    [Theory]
    [InlineData("AND OR", new[] { "AND", "OR" })]
    [InlineData("\"defence\"*", new[] { "defence" })]
    [InlineData("Ministry-of-Defence's", new[] { "Ministry", "of", "Defence", "s" })]
    [InlineData("Sarajevo sarajevo", new[] { "Sarajevo" })]
    [InlineData("Ćosić 2024", new[] { "Ćosić", "2024" })]
    public void Words_Query_KeepsLettersAndDigitsOnly(string query, string[] expected) =>
        Assert.Equal(expected, SearchRecords.Words(query));

    [Theory]
    [InlineData("a \uE000b\uE001 c", "a <mark>b</mark> c")]
    [InlineData("<b>\uE000x\uE001</b> & \"q\"", "&lt;b&gt;<mark>x</mark>&lt;/b&gt; &amp; &quot;q&quot;")]
    [InlineData("\uE001stray \uE000open", "stray <mark>open</mark>")]
    [InlineData("Ćosić", "Ćosić")]
    public void ToHtml_Snippet_EscapesTextAndMarksWords(string snippet, string expected) =>
        Assert.Equal(expected, SearchSnippet.ToHtml(snippet));

    private SqliteSearchIndex Index() => new(Database.CreateContext());

    private async Task<SearchResults> SearchAsync(string query)
    {
        var result = await new SearchRecords(Index()).HandleAsync(new SearchRequest(query));
        Assert.True(result.Succeeded, result.Failure?.Message);
        return result.Value!;
    }
}
