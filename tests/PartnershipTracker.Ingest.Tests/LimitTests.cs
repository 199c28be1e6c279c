using System.Text;
using DocumentFormat.OpenXml.Wordprocessing;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>The limits in <see cref="IngestOptions"/>: pages, line length and processing time. Each refusal is one line naming its setting.</summary>
public sealed class LimitTests
{
    private const string Text = "Defence Reform\nThe ministry adopted the long-term development plan in 2023 after a long debate.\n";

    /// <summary>One small document of every format.</summary>
    public static TheoryData<string, byte[]> EveryFormat => new()
    {
        { "doc.txt", Encoding.UTF8.GetBytes(Text) },
        { "doc.md", Encoding.UTF8.GetBytes("# Defence Reform\n\nThe ministry adopted the plan in 2023.\n") },
        { "doc.html", Encoding.UTF8.GetBytes("<html><body><h1>Defence Reform</h1><p>The ministry adopted the plan in 2023.</p></body></html>") },
        { "doc.pdf", PdfTests.BuildPdf([["Defence Reform", "The ministry adopted the plan in 2023."]]) },
        { "doc.docx", DocxTests.Sample() },
    };

    private static IngestResult Parse(string name, byte[] bytes, IngestOptions options) => DocumentIngestor.Parse(name, bytes, options);

    [Fact]
    public void Options_Defaults_AreThoseDocumented()
    {
        var options = new IngestOptions();

        Assert.Equal(1_000, options.MaxPages);
        Assert.Equal(100_000, options.MaxLineLength);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MaxProcessingTime);
    }

    [Fact]
    public void Parse_HtmlParagraphOverMaxLineLength_FailsNamingTheRenderedLine()
    {
        var html = "<html><body><h1>Defence Reform</h1><p>" + new string('a', 1001) + "</p></body></html>";

        var result = Parse("page.html", Encoding.UTF8.GetBytes(html), new IngestOptions { MaxLineLength = 1000 });

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, "page.html: line 2 is 1,001 characters long, over the limit of 1,000 characters (Ingest:MaxLineLength)"),
            result.Failure);
    }

    [Fact]
    public void Parse_HtmlRowWhoseSpansExpandPastMaxLineLength_IsMeasuredNotBuilt()
    {
        // 200 cells of 1,000 columns each: 200,000 "x" cells joined by " | " if it were built.
        var row = string.Concat(Enumerable.Repeat("<td colspan=\"1000\">x</td>", 200));
        var html = $"<html><body><table><tr>{row}</tr><tr>{row}</tr></table></body></html>";

        var result = Parse("spans.html", Encoding.UTF8.GetBytes(html), new IngestOptions());

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, "spans.html: line 1 is 799,997 characters long, over the limit of 100,000 characters (Ingest:MaxLineLength)"),
            result.Failure);
    }

    [Fact]
    public void Parse_DocxParagraphOverMaxLineLength_FailsNamingTheRenderedLine()
    {
        var bytes = DocxTests.BuildDocx(DocxTests.Para("Defence Reform", "Heading1"), DocxTests.Para(new string('a', 1001)));

        var result = Parse("brief.docx", bytes, new IngestOptions { MaxLineLength = 1000 });

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, "brief.docx: line 3 is 1,001 characters long, over the limit of 1,000 characters (Ingest:MaxLineLength)"),
            result.Failure);
    }

    [Fact]
    public void Parse_DocxTableRowOverMaxLineLength_FailsNamingTheRow()
    {
        var cells = Enumerable.Range(0, 400).Select(_ => DocxTests.Cell("abc")).ToArray();
        var bytes = DocxTests.BuildDocx(DocxTests.Para("Defence Reform", "Heading1"), new Table(new TableRow(cells)));

        var result = Parse("brief.docx", bytes, new IngestOptions { MaxLineLength = 1000 });

        // 400 cells of 3 characters and 399 separators of 3.
        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, "brief.docx: line 3 is 2,397 characters long, over the limit of 1,000 characters (Ingest:MaxLineLength)"),
            result.Failure);
    }

    [Fact]
    public void Parse_PdfLineOverMaxLineLength_FailsNamingTheRenderedLine()
    {
        var bytes = PdfTests.BuildPdf([["Defence Reform", string.Join(' ', Enumerable.Repeat("word", 30))]], width: 2000);

        var result = Parse("report.pdf", bytes, new IngestOptions { MaxLineLength = 100 });

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, "report.pdf: line 3 is 149 characters long, over the limit of 100 characters (Ingest:MaxLineLength)"),
            result.Failure);
    }

    [Fact]
    public void Parse_PdfOverMaxPages_FailsTooLargeBeforeReadingPages()
    {
        var bytes = PdfTests.BuildPdf([["First page of the report."], ["Second page of the report."], ["Third page of the report."]]);

        var result = Parse("report.pdf", bytes, new IngestOptions { MaxPages = 2 });

        Assert.Equal(
            new IngestFailure(IngestFailureKind.TooLarge, "report.pdf: the PDF has 3 pages, over the limit of 2 pages (Ingest:MaxPages)"),
            result.Failure);
    }

    [Fact]
    public void Parse_PdfOfExactlyMaxPages_IsRead()
    {
        var bytes = PdfTests.BuildPdf([["First page of the report."], ["Second page of the report."]]);

        var result = Parse("report.pdf", bytes, new IngestOptions { MaxPages = 2 });

        Assert.Equal(["First page of the report.", "Second page of the report."], result.Document!.Blocks.Select(b => Assert.IsType<ParagraphBlock>(b).Text));
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Parse_TimeRunsOut_FailsTimedOutNamingTheLimit(string name, byte[] bytes)
    {
        var result = DocumentIngestor.Parse(name, bytes, new IngestOptions(), new ElapsedClock(), CancellationToken.None);

        Assert.Equal(new IngestFailure(IngestFailureKind.TimedOut, $"{name}: processing took longer than 30 s (Ingest:MaxProcessingTime)"), result.Failure);
    }

    [Theory]
    [MemberData(nameof(EveryFormat))]
    public void Parse_WithinTheTimeAndNotCancelled_IsRead(string name, byte[] bytes)
    {
        using var cancellation = new CancellationTokenSource();

        var result = DocumentIngestor.Parse(name, bytes, new IngestOptions(), cancellation.Token);

        Assert.Null(result.Failure);
        Assert.Equal(name, result.Document!.Source.Name);
    }

    [Fact]
    public void Parse_TimeRunsOutWithFractionalLimit_SaysTheSecondsAsConfigured()
    {
        var result = DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(Text), new IngestOptions { MaxProcessingTime = TimeSpan.FromMilliseconds(1500) }, new ElapsedClock(), CancellationToken.None);

        Assert.Equal("doc.txt: processing took longer than 1.5 s (Ingest:MaxProcessingTime)", result.Failure!.Message);
    }

    [Fact]
    public void Parse_CallerCancelled_ThrowsOperationCanceled()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(Text), new IngestOptions(), cancellation.Token));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(86_401)]
    public void Parse_ProcessingTimeNotPositiveOrOverADay_IsAProgrammingError(int seconds)
    {
        var options = new IngestOptions { MaxProcessingTime = TimeSpan.FromSeconds(seconds) };

        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(Text), options));
    }

    /// <summary>A clock on which every timer is already due: the processing time has run out at the first check.</summary>
    private sealed class ElapsedClock : TimeProvider
    {
        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            callback(state);
            return new SpentTimer();
        }

        private sealed class SpentTimer : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
