using System.Globalization;
using PartnershipTracker.Core.Features.Ingest;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.Ingest;

/// <summary>The terminal preview of one ingested document: structure found, records it gives, what was removed or flagged, and what happened to it.</summary>
internal static class IngestPreview
{
    /// <summary>Records listed before "and N more"; <c>--json</c> lists them all.</summary>
    private const int MaxRecordRows = 60;

    public static void Write(IAnsiConsole console, IngestOutcome outcome)
    {
        var document = outcome.Document;
        console.MarkupLine($"[bold]{Markup.Escape(document.Source.Name)}[/] ({Markup.Escape(document.Source.Format)}) → programme [bold]{Markup.Escape(outcome.ProgrammeSlug)}[/]");
        var structure = new Table().AddColumns(new TableColumn("Structure"), new TableColumn("Count"));
        foreach (var group in document.Blocks.GroupBy(b => b.Type))
        {
            structure.AddRow(group.Key + "s", Count(group.Count()));
        }

        console.Write(structure);
        var rows = RecordRows(outcome).ToList();
        var records = new Table().AddColumns(new TableColumn("Record"), new TableColumn("Name"), new TableColumn("Area"), new TableColumn("Detail"), new TableColumn("Line").RightAligned());
        records.Title = new TableTitle($"{Count(rows.Count)} records");
        foreach (var row in rows.Take(MaxRecordRows))
        {
            records.AddRow(row.Select(cell => Markup.Escape(cell ?? "")).ToArray());
        }

        if (rows.Count > MaxRecordRows)
        {
            records.Caption = new TableTitle($"and {Count(rows.Count - MaxRecordRows)} more; --json lists them all");
        }

        console.Write(records);
        if (outcome.Records.Unmapped.Count > 0)
        {
            console.MarkupLine($"{Count(outcome.Records.Unmapped.Count)} tables or lists not mapped to records (kept as unmapped structure on the source)");
        }

        foreach (var removed in document.Removed)
        {
            console.MarkupLine($"[yellow]removed[/] ({Markup.Escape(removed.Reason)}) lines {removed.Line}–{removed.LineEnd}: {Markup.Escape(Shorten(removed.Text))}");
        }

        foreach (var copy in outcome.Copies)
        {
            console.MarkupLine($"[blue]also in[/] source #{copy.SourceId} ({Markup.Escape(copy.SourceTitle)}) lines {copy.SourceLine}–{copy.SourceLineEnd}: lines {copy.Line}–{copy.LineEnd} here (similarity {copy.Similarity:0.00})");
        }

        foreach (var warning in document.Warnings.Concat(outcome.Records.Warnings))
        {
            console.MarkupLine($"[yellow]warning[/] line {warning.Line}: {Markup.Escape(warning.Message)}");
        }

        console.MarkupLine(Result(outcome));
    }

    /// <summary>One line: dry run, staged as draft #N, unchanged, or stored as source #N.</summary>
    public static string Result(IngestOutcome outcome) => (outcome.Stored, outcome.Draft) switch
    {
        ({ Unchanged: true } s, _) => $"unchanged: identical to source #{s.SourceId} version {s.Version}; nothing stored",
        ({ } s, _) => $"[green]stored[/] as source #{s.SourceId} version {s.Version}: {s.Created} records created, {s.Updated} given new evidence",
        (null, { AlreadyStaged: true } d) => $"[blue]already staged[/] as draft #{d.DraftId}; nothing stored yet: store it with 'ptrack drafts accept {d.DraftId}' or discard it with 'ptrack drafts discard {d.DraftId}'",
        (null, { } d) => $"[blue]staged[/] as draft #{d.DraftId}; nothing stored yet: store it with 'ptrack drafts accept {d.DraftId}' (or ingest again with --accept), discard it with 'ptrack drafts discard {d.DraftId}'",
        _ => "[blue]dry run: nothing stored[/]",
    };

    /// <summary>A few words for a row of the batch table: dry run, draft #N, unchanged, or source #N.</summary>
    public static string ShortResult(IngestOutcome outcome) => (outcome.Stored, outcome.Draft) switch
    {
        ({ Unchanged: true } s, _) => $"unchanged (source #{s.SourceId})",
        ({ } s, _) => $"[green]stored[/] as source #{s.SourceId} v{s.Version}",
        (null, { AlreadyStaged: true } d) => $"[blue]already staged[/] as draft #{d.DraftId}",
        (null, { } d) => $"[blue]staged[/] as draft #{d.DraftId}",
        _ => "dry run",
    };

    /// <summary>Rows of (record type, name, area, detail, line) in the order the document gives them.</summary>
    private static IEnumerable<string?[]> RecordRows(IngestOutcome outcome)
    {
        var records = outcome.Records;
        foreach (var a in records.Areas)
        {
            yield return ["area", a.Name, null, a.Description, Count(a.Evidence[0].Line)];
        }

        foreach (var a in records.Achievements)
        {
            yield return ["achievement", a.Title, a.Area, a.Truncated ? "truncated" : null, Count(a.Evidence.Line)];
        }

        foreach (var c in records.Challenges)
        {
            yield return ["challenge", c.Title, c.Area ?? "cross-cutting", Join(c.Impact, c.Truncated ? "truncated" : null), Count(c.Evidence.Line)];
        }

        foreach (var i in records.Initiatives)
        {
            yield return ["initiative", i.Name, i.Area, Join(i.StatusLabel, i.Truncated ? "truncated" : null), Count(i.Evidence.Line)];
        }

        foreach (var r in records.Recommendations)
        {
            yield return ["recommendation", r.StrategicAction, r.Area ?? r.FocusArea, Join(r.ExpectedOutcome, r.Truncated ? "truncated" : null), Count(r.Evidence.Line)];
        }
    }

    private static string? Join(string? first, string? second) =>
        first is null ? second : second is null ? first : first + "; " + second;

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string text)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= 90 ? line : line[..87] + "...";
    }
}
