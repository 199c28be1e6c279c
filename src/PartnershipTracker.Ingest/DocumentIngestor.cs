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
    /// <summary>Parses a document.</summary>
    /// <param name="name">The file name (used in messages and to tell the format).</param>
    /// <param name="bytes">The whole file.</param>
    /// <returns>The structure, or a failure whose message is one line naming the problem.</returns>
    public static IngestResult Parse(string name, ReadOnlySpan<byte> bytes, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (text, format, failure, encodingNote) = DocumentDecoder.Decode(name, bytes, options);
        if (failure is not null)
        {
            return new IngestResult(null, failure);
        }

        // Text that went through a wrong decoding once before it reached us ("KomÅ¡iÄ‡") is repaired line by line.
        var repairedLines = new List<int>();
        if (format is "text" or "markdown" or "html" && encodingNote is null)
        {
            (text, repairedLines) = MojibakeRepair.Repair(text!);
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var removed = new List<RemovedPassage>();
        List<TextLine> lines;
        string[] rawLines;
        switch (format)
        {
            case "pdf" or "docx":
                var read = format == "pdf" ? PdfReader.Read(name, bytes.ToArray(), removed) : DocxReader.Read(name, bytes.ToArray(), options);
                if (read.Failure is not null)
                {
                    return new IngestResult(null, read.Failure);
                }

                // The reader's rendering is the stored text: the line numbers evidence points to are its lines.
                (lines, rawLines) = (read.Lines!, read.Text!.Split('\n'));
                break;
            case "html":
                // HTML has no useful line numbers: the reader's rendering, one line per emitted line, is the stored text.
                lines = HtmlReader.Read(text!);
                rawLines = lines.Select(l => l.Text).ToArray();
                break;
            case "markdown":
                lines = MarkdownReader.Read(text!, removed);
                rawLines = text!.Split('\n');
                break;
            default:
                rawLines = text!.Split('\n');
                lines = rawLines.Select((t, i) => new TextLine(i + 1, t)).ToList();
                break;
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

        AssistantTextCleaner.Clean(lines, removed, warnings);
        MarkCutOffEnding(lines, warnings);

        // A blank line, or a gap in the numbers (a reader that skips blank lines), separates paragraphs.
        var blankBefore = new HashSet<int>();
        var stream = new List<TextLine>(lines.Count);
        var sawBlank = false;
        var previous = 0;
        foreach (var line in lines)
        {
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

        RepeatDetector.RemoveRepeats(stream, removed, warnings);
        var blocks = StructureRecovery.Recover(stream, blankBefore, options, warnings);
        removed.Sort((a, b) => a.Line.CompareTo(b.Line));
        warnings.Sort((a, b) => (a.Line ?? 0).CompareTo(b.Line ?? 0));

        var info = new DocumentInfo(Path.GetFileName(name), sha256, format, Title(blocks), bytes.Length);
        return IngestResult.Ok(new ParsedDocument(info, rawLines, blocks, removed, warnings));
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
