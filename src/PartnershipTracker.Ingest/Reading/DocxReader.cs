using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using PartnershipTracker.Ingest.Cleaning;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Reading;

/// <summary>
/// Reads a Word document (DOCX, parsed by DocumentFormat.OpenXml) into lines: paragraphs styled Title or
/// Heading 1–6 are headings, numbered or bulleted paragraphs list items (one list per run of them), table rows
/// table rows (the first row is the header; a cell spanning columns is repeated in each), other paragraphs
/// plain text, one line each with a blank line between, so damage inside them is recovered like any text.
/// </summary>
internal static class DocxReader
{
    /// <summary>The archive may unpack to at most this many times the largest accepted file.</summary>
    private const long MaxExpansion = 20;

    /// <summary>A cell spans at most this many columns: Word's limit on the columns of a table.</summary>
    private const int MaxColumnSpan = 63;

    /// <summary>A ZIP archive that holds <c>word/document.xml</c>, or any ZIP archive named <c>.docx</c>.</summary>
    public static bool IsDocx(string name, ReadOnlySpan<byte> bytes)
    {
        if (!bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return false;
        }

        if (string.Equals(Path.GetExtension(name), ".docx", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes.ToArray()), ZipArchiveMode.Read);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public static (string? Text, List<TextLine>? Lines, IngestFailure? Failure) Read(string name, byte[] bytes, IngestOptions options, CancellationToken cancellationToken)
    {
        try
        {
            using (var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read))
            {
                var unpacked = zip.Entries.Sum(e => e.Length);
                if (unpacked > options.MaxFileBytes * MaxExpansion)
                {
                    return Fail($"{name}: the DOCX would unpack to {unpacked:N0} bytes, over {MaxExpansion} times the limit of {options.MaxFileBytes:N0} bytes (a zip bomb?)");
                }
            }

            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
            var body = document.MainDocumentPart?.Document?.Body;
            if (body is null)
            {
                return Fail($"{name}: the DOCX has no document body");
            }

            var headingStyles = HeadingStyles(document.MainDocumentPart!);
            var writer = new Writer(options.MaxLineLength);
            Visit(body, headingStyles, writer, cancellationToken);
            if (writer.TooLong is { } tooLong)
            {
                return (null, null, IngestFailure.LineTooLong(name, tooLong.Line, tooLong.Length, options));
            }

            if (writer.Lines.Count == 0)
            {
                return (null, null, new IngestFailure(IngestFailureKind.Empty, $"{name}: file is empty"));
            }

            return (string.Join('\n', writer.Rendering), writer.Lines, null);
        }
#pragma warning disable CA1031 // A damaged package surfaces as several exception types; any of them means the file cannot be read.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return Fail($"{name}: the DOCX cannot be read");
        }
    }

    private static (string? Text, List<TextLine>? Lines, IngestFailure? Failure) Fail(string message) =>
        (null, null, new IngestFailure(IngestFailureKind.Unreadable, message));

    /// <summary>Style ids that are headings: Title and Heading1..6 by id, and any style named "Title" or "heading N".</summary>
    private static HashSet<string> HeadingStyles(MainDocumentPart part)
    {
        var styles = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Title", "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6" };
        foreach (var style in part.StyleDefinitionsPart?.Styles?.Elements<Style>() ?? [])
        {
            var styleName = style.StyleName?.Val?.Value;
            if (style.StyleId?.Value is { } id && styleName is not null
                && (string.Equals(styleName, "Title", StringComparison.OrdinalIgnoreCase)
                    || (styleName.StartsWith("heading ", StringComparison.OrdinalIgnoreCase) && styleName.Length == 9 && styleName[8] is >= '1' and <= '6')))
            {
                styles.Add(id);
            }
        }

        return styles;
    }

    private static void Visit(OpenXmlElement container, HashSet<string> headingStyles, Writer writer, CancellationToken cancellationToken)
    {
        foreach (var element in container.ChildElements)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (writer.TooLong is not null)
            {
                return;
            }

            switch (element)
            {
                case Paragraph paragraph:
                    var text = ParagraphText(paragraph);
                    if (text.Length == 0)
                    {
                        writer.EndList();
                        continue;
                    }

                    var properties = paragraph.ParagraphProperties;
                    if (properties?.ParagraphStyleId?.Val?.Value is { } style && headingStyles.Contains(style))
                    {
                        writer.Add(text, LineKind.Heading);
                    }
                    else if (properties?.NumberingProperties is not null)
                    {
                        writer.AddListItem(text);
                    }
                    else
                    {
                        writer.Add(text, LineKind.Text);
                    }

                    break;
                case Table table:
                    var rows = new List<List<string>>();
                    foreach (var row in table.Elements<TableRow>())
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        if (RowCells(row) is { Count: > 0 } cells)
                        {
                            rows.Add(cells);
                        }
                    }

                    writer.AddTable(rows);
                    break;
                case SdtBlock or SdtContentBlock or CustomXmlBlock:
                    Visit(element, headingStyles, writer, cancellationToken);
                    break;
            }
        }
    }

    private static List<string> RowCells(TableRow row)
    {
        var cells = new List<string>();
        foreach (var cell in row.Elements<TableCell>())
        {
            var text = string.Join(' ', cell.Descendants<Paragraph>().Select(ParagraphText).Where(t => t.Length > 0));
            var span = Math.Clamp(cell.TableCellProperties?.GridSpan?.Val?.Value ?? 1, 1, MaxColumnSpan);
            for (var i = 0; i < span; i++)
            {
                cells.Add(text);
            }
        }

        return cells;
    }

    private static string ParagraphText(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case Text run:
                    text.Append(run.Text);
                    break;
                case TabChar or Break or CarriageReturn:
                    text.Append(' ');
                    break;
            }
        }

        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>Builds the rendering and its lines: a blank line between blocks, none inside a list or a table.</summary>
    private sealed class Writer(int maxLineLength)
    {
        private int _group;
        private bool _inList;

        public List<string> Rendering { get; } = [];

        public List<TextLine> Lines { get; } = [];

        /// <summary>The first table row longer than the limit, measured before it is joined; nothing is added after it.</summary>
        public (int Line, long Length)? TooLong { get; private set; }

        public void Add(string text, LineKind kind)
        {
            EndList();
            Blank();
            Append(text, kind);
        }

        public void AddListItem(string text)
        {
            if (!_inList)
            {
                Blank();
                _group++;
                _inList = true;
            }

            Append(text, LineKind.ListItem, group: _group);
        }

        public void AddTable(List<List<string>> rows)
        {
            EndList();
            if (rows.Count == 0)
            {
                return;
            }

            Blank();
            _group++;
            foreach (var row in rows)
            {
                var length = row.Sum(c => (long)c.Length) + (3L * (row.Count - 1));
                if (length > maxLineLength)
                {
                    TooLong = (Rendering.Count + 1, length);
                    return;
                }

                Append(string.Join(" | ", row), LineKind.TableRow, row, _group);
            }
        }

        public void EndList() => _inList = false;

        private void Blank()
        {
            if (Rendering.Count > 0)
            {
                Rendering.Add("");
            }
        }

        private void Append(string text, LineKind kind, IReadOnlyList<string>? cells = null, int group = 0)
        {
            Rendering.Add(text);
            Lines.Add(new TextLine(Rendering.Count, text, kind, cells, group));
        }
    }
}
