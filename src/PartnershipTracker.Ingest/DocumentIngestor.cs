using System.Globalization;
using System.Security.Cryptography;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Ingest.Reading;
using PartnershipTracker.Ingest.Structure;

namespace PartnershipTracker.Ingest;

/// <summary>
/// Reads one document into structure: decode, remove assistant text and code fences, remove
/// repeated passages (keeping the more complete copy of each line), then recover headings,
/// paragraphs, lists and tables. Nothing is invented: a cell cut off by damage is kept as it is and
/// flagged; a short row keeps null cells.
/// </summary>
public static class DocumentIngestor
{
    /// <summary>Parses a document within <see cref="IngestOptions.MaxProcessingTime"/> of the system clock.</summary>
    /// <inheritdoc cref="Parse(string, ReadOnlySpan{byte}, IngestOptions, TimeProvider, CancellationToken)"/>
    public static IngestResult Parse(string name, ReadOnlySpan<byte> bytes, IngestOptions options) =>
        Parse(name, bytes, options, TimeProvider.System, CancellationToken.None);

    /// <summary>Parses a document within <see cref="IngestOptions.MaxProcessingTime"/> of the system clock, or until the caller cancels.</summary>
    /// <inheritdoc cref="Parse(string, ReadOnlySpan{byte}, IngestOptions, TimeProvider, CancellationToken)"/>
    public static IngestResult Parse(string name, ReadOnlySpan<byte> bytes, IngestOptions options, CancellationToken cancellationToken) =>
        Parse(name, bytes, options, TimeProvider.System, cancellationToken);

    /// <summary>Parses a document.</summary>
    /// <param name="name">The file name (used in messages and to tell the format).</param>
    /// <param name="bytes">The whole file.</param>
    /// <param name="options">Limits and hints; <see cref="IngestOptions.MaxProcessingTime"/> must be positive and at most <see cref="IngestOptions.LongestProcessingTime"/>.</param>
    /// <param name="timeProvider">The clock <see cref="IngestOptions.MaxProcessingTime"/> is measured by.</param>
    /// <param name="cancellationToken">The caller's own reason to stop (e.g. the request was aborted).</param>
    /// <returns>
    /// The structure, or a failure whose message is one line naming the problem. Running out of time is a
    /// <see cref="IngestFailureKind.TimedOut"/> failure, not an exception.
    /// </returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static IngestResult Parse(string name, ReadOnlySpan<byte> bytes, IngestOptions options, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.MaxProcessingTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxProcessingTime, IngestOptions.LongestProcessingTime);
        cancellationToken.ThrowIfCancellationRequested();

        using var timeout = new CancellationTokenSource(options.MaxProcessingTime, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return ParseWithin(name, bytes, options, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = options.MaxProcessingTime.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return IngestResult.Fail(IngestFailureKind.TimedOut, $"{name}: processing took longer than {seconds} s (Ingest:MaxProcessingTime)");
        }
    }

    /// <summary>The reading itself; <paramref name="cancellationToken"/> is checked between pages, elements, lines and readings.</summary>
    private static IngestResult ParseWithin(string name, ReadOnlySpan<byte> bytes, IngestOptions options, CancellationToken cancellationToken)
    {
        var (text, format, failure, encodingNote) = DocumentDecoder.Decode(name, bytes, options);
        if (failure is not null)
        {
            return new IngestResult(null, failure);
        }

        // Text that went through a wrong decoding once before it reached us ("KomÅ¡iÄ‡") is repaired line by line.
        var repairedLines = new List<int>();
        if (format is "text" or "markdown" or "html" && encodingNote is null)
        {
            (text, repairedLines) = MojibakeRepair.Repair(text!, cancellationToken);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var removed = new List<RemovedPassage>();
        List<TextLine> lines;
        string[] rawLines;
        switch (format)
        {
            case "pdf" or "docx":
                var read = format == "pdf"
                    ? PdfReader.Read(name, bytes.ToArray(), options, removed, cancellationToken)
                    : DocxReader.Read(name, bytes.ToArray(), options, cancellationToken);
                if (read.Failure is not null)
                {
                    return new IngestResult(null, read.Failure);
                }

                // The reader's rendering is the stored text: the line numbers evidence points to are its lines.
                (lines, rawLines) = (read.Lines!, read.Text!.Split('\n'));
                break;
            case "html":
                // HTML has no useful line numbers: the reader's rendering, one line per emitted line, is the stored text.
                var html = HtmlReader.Read(name, text!, options, cancellationToken);
                if (html.Failure is not null)
                {
                    return new IngestResult(null, html.Failure);
                }

                lines = html.Lines!;
                rawLines = lines.Select(l => l.Text).ToArray();
                break;
            case "markdown":
                // The file's lines are checked before Markdig sees them: its time on a huge line cannot be cut short.
                rawLines = text!.Split('\n');
                if (LineTooLong(name, rawLines, options) is { } markdownFailure)
                {
                    return new IngestResult(null, markdownFailure);
                }

                var markdown = MarkdownReader.Read(name, text, removed, cancellationToken);
                if (markdown.Failure is not null)
                {
                    return new IngestResult(null, markdown.Failure);
                }

                lines = markdown.Lines!;
                break;
            default:
                rawLines = text!.Split('\n');
                lines = rawLines.Select((t, i) => new TextLine(i + 1, t)).ToList();
                break;
        }

        if (LineTooLong(name, rawLines, options) is { } tooLong)
        {
            return new IngestResult(null, tooLong);
        }

        var warnings = new List<IngestWarning>();
        if (encodingNote is not null)
        {
            warnings.Add(new IngestWarning("encoding", encodingNote, null));
        }

        foreach (var line in repairedLines)
        {
            warnings.Add(new IngestWarning("mojibake", "the line was UTF-8 read as Windows-1252 (e.g. \"Å¡\" for \"š\"); repaired", line));
        }

        cancellationToken.ThrowIfCancellationRequested();
        AssistantTextCleaner.Clean(lines, removed, warnings, cancellationToken);
        MarkCutOffEnding(lines, warnings);

        // A blank line, or a gap in the numbers (a reader that skips blank lines), separates paragraphs.
        var blankBefore = new HashSet<int>();
        var stream = new List<TextLine>(lines.Count);
        var sawBlank = false;
        var previous = 0;
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.IsBlank)
            {
                sawBlank = true;
                previous = line.Number;
                continue;
            }

            if (!line.Removed)
            {
                if (sawBlank || (previous > 0 && line.Number > previous + 1))
                {
                    blankBefore.Add(line.Number);
                }

                sawBlank = false;
                stream.Add(line);
            }

            previous = line.Number;
        }

        RepeatDetector.RemoveRepeats(stream, removed, warnings, cancellationToken);
        var blocks = StructureRecovery.Recover(stream, blankBefore, options, warnings, cancellationToken);
        removed.Sort((a, b) => a.Line.CompareTo(b.Line));
        warnings.Sort((a, b) => (a.Line ?? 0).CompareTo(b.Line ?? 0));

        var info = new DocumentInfo(Path.GetFileName(name), sha256, format, Title(blocks), bytes.Length);
        return IngestResult.Ok(new ParsedDocument(info, rawLines, blocks, removed, warnings));
    }

    /// <summary>The first line of the stored text longer than <see cref="IngestOptions.MaxLineLength"/>, as a failure naming it; else null.</summary>
    private static IngestFailure? LineTooLong(string name, string[] lines, IngestOptions options)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > options.MaxLineLength)
            {
                return IngestFailure.LineTooLong(name, i + 1, lines[i].Length, options);
            }
        }

        return null;
    }

    /// <summary>The first heading, when it comes before the second paragraph; else null (no title is made up).</summary>
    private static string? Title(List<Block> blocks)
    {
        var paragraphs = 0;
        foreach (var block in blocks)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    return heading.Text;
                case ParagraphBlock:
                    if (++paragraphs > 1)
                    {
                        return null;
                    }

                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>A document whose last line stops mid-sentence was cut off: the line is flagged, not completed.</summary>
    private static void MarkCutOffEnding(List<TextLine> lines, List<IngestWarning> warnings)
    {
        var last = lines.LastOrDefault(l => !l.IsBlank && !l.Removed);
        if (last is null || last.Truncated)
        {
            return;
        }

        var text = last.Text.Trim();
        if (text.Length >= 60 && !LineShape.EndsSentence(text) && !LineShape.IsIntro(text))
        {
            last.Truncated = true;
            warnings.Add(new IngestWarning("document-cut-off", "the document ends mid-sentence; the last passage is kept as it is", last.Number));
        }
    }
}
