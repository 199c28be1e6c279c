using PartnershipTracker.Testing;

namespace PartnershipTracker.Tests.Cli;

[Collection("Environment")]
public sealed class ReportCommandTests : IAsyncLifetime
{
    private TempSqliteDatabase _database = null!;

    public async Task InitializeAsync() =>
        // No migration: the first command creates the database and loads the example programme, as for a user.
        _database = await TempSqliteDatabase.CreateAsync(migrate: false);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Report_MarkdownWithoutOutput_WritesTheReportOnStdout()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--format", "md");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("# NATO – Bosnia and Herzegovina: progress report\n", run.Out, StringComparison.Ordinal);
        Assert.Contains("| Cybersecurity Initiative | Digital Threat Protection (Cybersecurity) | launched (Launched 2023) | 2023 |", run.Out, StringComparison.Ordinal);
        Assert.Contains("Limited national *(truncated in source)*", run.Out, StringComparison.Ordinal);
        Assert.Contains("\n## Data quality\n", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_HtmlToFile_WritesTheFileAndPrintsItsPathOnStderr()
    {
        var path = Path.Combine(_database.Folder, "nato-bih-report.html");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--programme", "nato-bih", "--format", "html", "-o", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.EndsWith(path + Environment.NewLine, run.Error, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(path);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<td>launched (Launched 2023)</td><td>2023</td>", html, StringComparison.Ordinal);
        Assert.Contains("Limited national <mark class=\"truncated\">truncated in source</mark>", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.Equal(["nato-bih-report.html", "ptrack.db"], Directory.GetFiles(_database.Folder, "*", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName).Where(n => !n!.StartsWith("ptrack.db-", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Report_ExistingOutputFile_IsReplacedWhole()
    {
        var path = Path.Combine(_database.Folder, "report.md");
        await File.WriteAllTextAsync(path, new string('x', 500_000));

        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--format", "md", "--output", path);

        Assert.Equal(0, run.ExitCode);
        var markdown = await File.ReadAllTextAsync(path);
        Assert.StartsWith("# NATO – Bosnia and Herzegovina: progress report", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("xxx", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_UnknownFormat_ExitsWithCode2AndOneLineNamingTheFormat()
    {
        var path = Path.Combine(_database.Folder, "report.pdf");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--format", "pdf", "-o", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal("ptrack: --format: 'pdf' is not a report format; use one of: html, md. Try 'ptrack report --help'.", run.Error.Trim());
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Report_UnknownProgramme_ExitsWithCode2NamingTheKnownProgrammes()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--programme", "nato-xyz", "--format", "html");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("ptrack: programme 'nato-xyz' does not exist; known programmes: nato-bih" + Environment.NewLine, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OutputInMissingFolder_ExitsWithCode2()
    {
        var path = Path.Combine(_database.Folder, "no-such-folder", "report.html");

        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--format", "html", "-o", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("folder not found for --output", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Help_SaysWhatTheReportContains()
    {
        var run = await CliRunner.RunAsync(_database.ConnectionString, "report", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("key obstacles", run.Out, StringComparison.Ordinal);
        Assert.Contains("data-quality appendix", run.Out, StringComparison.Ordinal);
        Assert.Contains("--format <html|md>", run.Out, StringComparison.Ordinal);
    }
}
