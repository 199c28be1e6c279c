using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

[Collection("Environment")]
public sealed class IngestCommandTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TempSqliteDatabase.CreateAsync(migrate: false);
        // First command on an empty database: creates it and loads the example programme.
        var first = await CliRunner.RunAsync(_database.ConnectionString, "db", "migrate");
        Assert.Equal(0, first.ExitCode);
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Ingest_ArticleDryRunJson_GivesTheContractAndStoresNothing()
    {
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", ExampleFiles.Article, "--dry-run", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal("article.txt", root.GetProperty("source").GetProperty("name").GetString());
        Assert.Equal(64, root.GetProperty("source").GetProperty("sha256").GetString()!.Length);
        var blocks = root.GetProperty("blocks").EnumerateArray().ToList();
        var tables = blocks.Where(b => b.GetProperty("type").GetString() == "table").ToList();
        Assert.Equal(3, tables.Count);
        Assert.Equal(["Progress Area", "Achievements", "Ongoing Challenges"], Strings(tables[0].GetProperty("columns")));
        Assert.Equal(["Cybersecurity", "Implementation of new protocols", "Limited national"], Strings(tables[0].GetProperty("rows")[1]));
        var truncated = Assert.Single(tables[0].GetProperty("truncatedCells").EnumerateArray());
        Assert.Equal((1, 2), (truncated.GetProperty("row").GetInt32(), truncated.GetProperty("column").GetInt32()));
        Assert.Equal(2, tables[1].GetProperty("rows").GetArrayLength());
        Assert.Equal(4, tables[2].GetProperty("rows").GetArrayLength());
        var lists = blocks.Where(b => b.GetProperty("type").GetString() == "list").ToList();
        Assert.Equal([3, 4, 3], lists.Select(l => l.GetProperty("items").GetArrayLength()));
        Assert.Equal("Complex constitutional setup", lists[0].GetProperty("items")[0].GetProperty("label").GetString());
        Assert.Equal(JsonValueKind.Null, lists[2].GetProperty("items")[0].GetProperty("label").ValueKind);
        var reasons = root.GetProperty("removed").EnumerateArray().Select(r => (r.GetProperty("reason").GetString(), r.GetProperty("line").GetInt32())).ToList();
        Assert.Equal([("assistant-text", 16), ("code-fence", 17), ("duplicate", 18)], reasons);
        var initiatives = root.GetProperty("records").GetProperty("initiatives").EnumerateArray().ToList();
        Assert.Equal("launched", initiatives[1].GetProperty("status").GetString());
        Assert.Equal("Launched 2023", initiatives[1].GetProperty("statusLabel").GetString());
        Assert.Equal(43, initiatives[1].GetProperty("line").GetInt32());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_DryRunWithoutDatabase_CreatesNoFileAndStillMapsToTheExample()
    {
        var path = Path.Combine(_database.Folder, "not-yet", "ptrack.db");

        var run = await CliRunner.RunAsync("Data Source=" + path, "ingest", ExampleFiles.Article, "--dry-run", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("nato-bih", json.RootElement.GetProperty("programme").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("records").GetProperty("initiatives").GetArrayLength());
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task Ingest_ArticleAsHtmlPage_GivesTheSameThreeTablesWithoutPageFurniture()
    {
        var paragraphs = (await File.ReadAllLinesAsync(ExampleFiles.Article)).Select(l => "<p>" + System.Net.WebUtility.HtmlEncode(l) + "</p>");
        var page = Path.Combine(_database.Folder, "article.html");
        await File.WriteAllTextAsync(page, "<!doctype html><html><head><script>alert(1)</script></head><body><nav>Home | News</nav><div class=\"cookie-banner\">We use cookies</div><main>"
            + string.Join('\n', paragraphs) + "</main><footer>Copyright 2024</footer></body></html>");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", page, "--dry-run", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal("html", json.RootElement.GetProperty("source").GetProperty("format").GetString());
        var tables = json.RootElement.GetProperty("blocks").EnumerateArray().Where(b => b.GetProperty("type").GetString() == "table").ToList();
        Assert.Equal(
            [["Progress Area", "Achievements", "Ongoing Challenges"], ["Initiative", "Focus Area", "Status"], ["Focus Area", "Strategic Action", "Expected Outcome"]],
            tables.Select(t => Strings(t.GetProperty("columns"))));
        Assert.Equal(["Cybersecurity", "Implementation of new protocols", "Limited national"], Strings(tables[0].GetProperty("rows")[1]));
        Assert.DoesNotContain("cookies", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Copyright 2024", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_ClassificationAndReleasableTo_MarkTheSourceAndItsNewRecords()
    {
        var file = Path.Combine(_database.Folder, "marked.txt");
        await File.WriteAllTextAsync(file, "Initiative\nFocus Area\nStatus\nMarked Programme\nLogistics\nOngoing\n");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", file, "--accept", "--classification", "nato-confidential", "--releasable-to", "BIH,NATO");

        Assert.Equal(0, run.ExitCode);
        await using var db = _database.CreateContext();
        var source = await db.Sources.SingleAsync(s => s.FileName == "marked.txt");
        var initiative = await db.Initiatives.SingleAsync(i => i.Name == "Marked Programme");
        Assert.Equal((Domain.Classification.NatoConfidential, ",BIH,NATO,"), (source.Classification, source.ReleasableTo));
        Assert.Equal((Domain.Classification.NatoConfidential, ",BIH,NATO,"), (initiative.Classification, initiative.ReleasableTo));
    }

    [Fact]
    public async Task Ingest_UnknownClassification_ExitCode2OneLineAndNothingStored()
    {
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", ExampleFiles.Article, "--accept", "--classification", "TOP SECRET");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--classification must be one of PUBLIC, NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL, NATO SECRET (not 'TOP SECRET')", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_IdenticalFileAgain_CreatesNoRecords()
    {
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", ExampleFiles.Article, "--accept");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("unchanged", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_ChangedFile_BecomesNewVersionAndUpdatesRecordsWithoutDuplicates()
    {
        var changed = await WriteChangedArticleAsync("v2");
        var initiativesBefore = await CountAsync(db => db.Initiatives);

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", changed, "--accept", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(2, json.RootElement.GetProperty("stored").GetProperty("version").GetInt32());
        await using var db = _database.CreateContext();
        var versions = await db.Sources.Where(s => s.FileName == "article.txt").OrderBy(s => s.Version).ToListAsync();
        Assert.Equal([1, 2], versions.Select(v => v.Version));
        Assert.Equal(versions[0].Id, versions[1].PreviousVersionId);
        Assert.Equal(initiativesBefore, await db.Initiatives.CountAsync());
        var cyber = await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative");
        Assert.Equal(Domain.InitiativeStatus.Completed, cyber.Status);
        Assert.Equal("Completed 2025", cyber.StatusLabel);
        Assert.Equal((new Domain.PartialDate(2023), new Domain.PartialDate(2025)), (cyber.Start!.Value, cyber.End!.Value));
        var evidence = await db.Evidence.Where(e => e.RecordType == Domain.RecordType.Initiative && e.RecordId == cyber.Id).ToListAsync();
        Assert.Equal(2, evidence.Count);
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "empty.txt", [], "empty" },
        { "blank.txt", "  \n\n \t\n"u8.ToArray(), "empty" },
        { "noise.txt", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x13, 0x37, 0x00], "binary" },
        { "report.pdf", "%PDF-1.7\n%âãÏÓ\n"u8.ToArray(), "PDF" },
        { "secret.pdf", SampleDocuments.EncryptedPdf(), "the PDF is encrypted" },
        { "fake.pdf", "Plain text saved under a PDF name.\n"u8.ToArray(), "not a PDF (a PDF file starts with %PDF-)" },
        { "fake.docx", "Plain text saved under a Word name.\n"u8.ToArray(), "not a DOCX (a DOCX file is a zip archive of Word XML)" },
        { "data.xyz", "Some text that is fine.\n"u8.ToArray(), "unknown format" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Ingest_BadFile_ExitsTwoWithOneLineAndStoresNothing(string name, byte[] content, string expected)
    {
        var path = Path.Combine(_database.Folder, name);
        await File.WriteAllBytesAsync(path, content);
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", path, "--accept");

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("ptrack: " + name, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_FileOverConfiguredLimit_ExitsTwoAndStoresNothing()
    {
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, new Dictionary<string, string> { ["Ingest__MaxFileBytes"] = "1000" }, "ingest", ExampleFiles.Article);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("ptrack: article.txt: file is 6,892 bytes, over the limit of 1,000 bytes (Ingest:MaxFileBytes)", line);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_LineOverConfiguredLimit_ExitsTwoNamingTheLineAndStoresNothing()
    {
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, new Dictionary<string, string> { ["Ingest__MaxLineLength"] = "500" }, "ingest", ExampleFiles.Article);

        Assert.Equal(2, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("ptrack: article.txt: line 1 is 595 characters long, over the limit of 500 characters (Ingest:MaxLineLength)", line);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_UnknownProgramme_ExitsTwoAndStoresNothing()
    {
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", ExampleFiles.Article, "--programme", "nato-xyz");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: programme 'nato-xyz' does not exist; known programmes: nato-bih", run.Error.Trim());
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_MissingFile_ExitsTwo()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", Path.Combine(_database.Folder, "nope.txt"));

        Assert.Equal(2, run.ExitCode);
        Assert.EndsWith("nope.txt: file not found", run.Error.Trim(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_WithoutAccept_StagesADraftAndStoresNothingUntilAccepted()
    {
        var changed = await WriteChangedArticleAsync("staged");
        var before = await CountsAsync();

        var staged = await CliRunner.RunAsync(_database.ConnectionString, "ingest", changed);

        Assert.Equal(0, staged.ExitCode);
        Assert.Contains("staged as draft #1; nothing stored yet", staged.Out, StringComparison.Ordinal);
        Assert.Contains("Cybersecurity Initiative", staged.Out, StringComparison.Ordinal);
        Assert.Contains("Completed 2025", staged.Out, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
        await using (var db = _database.CreateContext())
        {
            var draft = await db.IngestDrafts.SingleAsync();
            Assert.Equal(("article.txt", "text", 25, 1), (draft.FileName, draft.Format, draft.RecordCount, draft.WarningCount));
        }

        var again = await CliRunner.RunAsync(_database.ConnectionString, "ingest", changed);
        Assert.Contains("already staged as draft #1", again.Out, StringComparison.Ordinal);

        var list = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "--json");
        using (var json = JsonDocument.Parse(list.Out))
        {
            var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
            Assert.Equal((1, "article.txt", 25), (item.GetProperty("id").GetInt32(), item.GetProperty("fileName").GetString(), item.GetProperty("recordCount").GetInt32()));
        }

        var accepted = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "accept", "1");

        Assert.Equal(0, accepted.ExitCode);
        Assert.Contains("draft #1 (article.txt): stored as source", accepted.Out, StringComparison.Ordinal);
        await using (var db = _database.CreateContext())
        {
            Assert.Empty(await db.IngestDrafts.ToListAsync());
            var cyber = await db.Initiatives.SingleAsync(i => i.Name == "Cybersecurity Initiative");
            Assert.Equal("Completed 2025", cyber.StatusLabel);
            Assert.Equal(2, await db.Sources.CountAsync(s => s.FileName == "article.txt"));
        }

        var twice = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "accept", "1");
        Assert.Equal(2, twice.ExitCode);
        Assert.Equal("ptrack: draft #1 does not exist (already accepted or discarded?)", twice.Error.Trim());
    }

    [Fact]
    public async Task Drafts_Discard_RemovesTheDraftAndStoresNothing()
    {
        var changed = await WriteChangedArticleAsync("discarded");
        var before = await CountsAsync();
        await CliRunner.RunAsync(_database.ConnectionString, "ingest", changed);

        var shown = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "show", "1", "--json");
        var discarded = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "discard", "1");

        using (var json = JsonDocument.Parse(shown.Out))
        {
            Assert.Equal(1, json.RootElement.GetProperty("draft").GetProperty("id").GetInt32());
            Assert.Equal(2, json.RootElement.GetProperty("records").GetProperty("initiatives").GetArrayLength());
        }

        Assert.Equal(0, discarded.ExitCode);
        Assert.Equal("draft #1 (article.txt) discarded; nothing stored", discarded.Out.Trim());
        Assert.Equal(before, await CountsAsync());
        await using var db = _database.CreateContext();
        Assert.Empty(await db.IngestDrafts.ToListAsync());
    }

    [Fact]
    public async Task Ingest_FolderWithABadFile_ReadsTheOthersAndSummarises()
    {
        var folder = Path.Combine(_database.Folder, "batch");
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        File.Copy(ExampleFiles.Article, Path.Combine(folder, "a-article.txt"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "b-noise.txt"), [0x00, 0x01, 0x02, 0xFF]);
        await File.WriteAllTextAsync(Path.Combine(folder, "sub", "c-notes.md"), "# Notes\n\n- Budget: Defence budget limitations persist.\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "ignored.csv"), "a,b\n");
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", folder, "--accept", "--json");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: b-noise.txt: file is binary, not a text document", run.Error.Trim());
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(["a-article.txt", "c-notes.md"], root.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("source").GetProperty("name").GetString()));
        var failure = Assert.Single(root.GetProperty("failures").EnumerateArray());
        Assert.EndsWith("b-noise.txt", failure.GetProperty("path").GetString(), StringComparison.Ordinal);
        var summary = root.GetProperty("summary");
        Assert.Equal((3, 2, 1, 0), (summary.GetProperty("documents").GetInt32(), summary.GetProperty("read").GetInt32(), summary.GetProperty("failures").GetInt32(), summary.GetProperty("staged").GetInt32()));
        // a-article.txt has the example article's bytes: unchanged, not a second source.
        Assert.Equal((1, 1), (summary.GetProperty("stored").GetInt32(), summary.GetProperty("unchanged").GetInt32()));
        await using var db = _database.CreateContext();
        Assert.Equal(before.Item1 + 1, await db.Sources.CountAsync());
        Assert.True(await db.Sources.AnyAsync(s => s.FileName == "c-notes.md"));
    }

    [Fact]
    public async Task Ingest_SeveralFilesOnAPipe_PrintsATableAndTheSummaryLine()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", ExampleFiles.Article, Path.Combine(_database.Folder, "missing.txt"), "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refused: " + Path.Combine(_database.Folder, "missing.txt") + ": file not found", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 documents: 1 read, 1 refused; 25 records, 1 warnings; dry run: nothing stored", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_SameBytesUnderAnotherName_IsUnchangedNotASecondSource()
    {
        var copy = Path.Combine(_database.Folder, "article-copy.txt");
        File.Copy(ExampleFiles.Article, copy);
        var before = await CountsAsync();

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", copy, "--accept");

        Assert.Equal(0, run.ExitCode);
        await using var db = _database.CreateContext();
        var article = await db.Sources.SingleAsync(s => s.FileName == "article.txt");
        Assert.Contains($"unchanged: identical to source #{article.Id} version 1; nothing stored", run.Out, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Ingest_FolderWithoutDocuments_ExitsTwoSayingSo()
    {
        var folder = Path.Combine(_database.Folder, "only-csv");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "a.csv"), "a,b\n");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", folder);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"ptrack: {folder}: no documents in the folder (.txt, .text, .md, .markdown, .html, .htm, .pdf, .docx)", run.Error.Trim());
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task Drafts_JsonBeforeOrAfterTheSubcommand_WritesJson()
    {
        var changed = await WriteChangedArticleAsync("json-drafts");
        await CliRunner.RunAsync(_database.ConnectionString, "ingest", changed);

        var shown = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "--json", "show", "1");
        var discarded = await CliRunner.RunAsync(_database.ConnectionString, "drafts", "discard", "1", "--json");

        using (var json = JsonDocument.Parse(shown.Out))
        {
            Assert.Equal(1, json.RootElement.GetProperty("draft").GetProperty("id").GetInt32());
        }

        using (var json = JsonDocument.Parse(discarded.Out))
        {
            var item = Assert.Single(json.RootElement.GetProperty("discarded").EnumerateArray());
            Assert.Equal((1, "article.txt"), (item.GetProperty("id").GetInt32(), item.GetProperty("fileName").GetString()));
        }
    }

    [Fact]
    public async Task Ingest_AcceptAndDryRunTogether_IsAUsageError()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "ingest", ExampleFiles.Article, "--accept", "--dry-run");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("ptrack: --accept and --dry-run cannot be used together. Try 'ptrack ingest --help'.", run.Error.Trim());
    }

    [Theory]
    [InlineData("drafts")]
    [InlineData("ingest")]
    [InlineData("report")]
    [InlineData("serve")]
    [InlineData("db")]
    [InlineData("db", "migrate")]
    public async Task Help_EveryVerb_PrintsUsageAndExitsZero(params string[] verb)
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, [.. verb, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Contains(verb[^1], run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownVerb_ExitsTwoWithHint()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "frobnicate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Try 'ptrack --help'.", run.Error, StringComparison.Ordinal);
    }

    private async Task<string> WriteChangedArticleAsync(string folderName)
    {
        var folder = Path.Combine(_database.Folder, folderName);
        Directory.CreateDirectory(folder);
        var changed = Path.Combine(folder, "article.txt");
        var text = (await File.ReadAllTextAsync(ExampleFiles.Article)).Replace("Launched 2023", "Completed 2025", StringComparison.Ordinal);
        await File.WriteAllTextAsync(changed, text, new UTF8Encoding(false));
        return changed;
    }

    private static List<string?> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()).ToList();

    private async Task<int> CountAsync<T>(Func<Core.Data.PtrackDbContext, IQueryable<T>> set)
    {
        await using var db = _database.CreateContext();
        return await set(db).CountAsync();
    }

    private async Task<(int, int, int, int, int, int, int, int)> CountsAsync()
    {
        await using var db = _database.CreateContext();
        return (await db.Sources.CountAsync(), await db.Areas.CountAsync(), await db.Achievements.CountAsync(), await db.Challenges.CountAsync(),
            await db.Initiatives.CountAsync(), await db.Recommendations.CountAsync(), await db.Evidence.CountAsync(), await db.Milestones.CountAsync());
    }
}
