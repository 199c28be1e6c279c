using System.Text.Json;
using System.Text.Json.Serialization;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Core.Ingest;

/// <summary>
/// The JSON of <c>ptrack ingest --json</c> (PRODUCT.md "Interfaces"): one object with <c>source</c>,
/// <c>blocks</c> in reading order, <c>removed</c>, <c>warnings</c> and <c>records</c>, camelCase,
/// <c>stored</c> when the document was stored and <c>draft</c> when it was staged for review.
/// </summary>
public static class IngestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IngestOutcome outcome) => JsonSerializer.Serialize(Document(outcome), Options);

    public static object Document(IngestOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = outcome.Document;
        var records = outcome.Records;
        return new
        {
            source = new { name = document.Source.Name, sha256 = document.Source.Sha256, format = document.Source.Format, title = document.Source.Title, bytes = document.Source.Bytes },
            programme = outcome.ProgrammeSlug,
            dryRun = outcome.Stored is null && outcome.Draft is null,
            blocks = document.Blocks.Select(Block),
            removed = document.Removed.Select(r => new { reason = r.Reason, text = r.Text, line = r.Line, lineEnd = r.LineEnd, duplicateOf = r.DuplicateOf, copies = r.Copies }),
            warnings = document.Warnings.Concat(records.Warnings).Select(w => new { code = w.Code, message = w.Message, line = w.Line }),
            records = new
            {
                areas = records.Areas.Select(a => new { name = a.Name, description = a.Description, namesSeen = a.NamesSeen, line = a.Evidence[0].Line, lines = a.Evidence.Select(e => e.Line).Distinct() }),
                achievements = records.Achievements.Select(a => new { area = a.Area, title = a.Title, truncated = a.Truncated, line = a.Evidence.Line, lineEnd = a.Evidence.LineEnd }),
                challenges = records.Challenges.Select(c => new { area = c.Area, crossCutting = c.Area is null, title = c.Title, impact = c.Impact, truncated = c.Truncated, line = c.Evidence.Line, lineEnd = c.Evidence.LineEnd }),
                initiatives = records.Initiatives.Select(i => new { name = i.Name, area = i.Area, focusArea = i.FocusArea, status = i.Status?.ToString().ToLowerInvariant(), statusLabel = i.StatusLabel, start = i.Start?.ToString(), end = i.End?.ToString(), leadInstitution = i.LeadInstitution, truncated = i.Truncated, line = i.Evidence.Line, lineEnd = i.Evidence.LineEnd }),
                recommendations = records.Recommendations.Select(r => new { area = r.Area, focusArea = r.FocusArea, strategicAction = r.StrategicAction, expectedOutcome = r.ExpectedOutcome, truncated = r.Truncated, line = r.Evidence.Line, lineEnd = r.Evidence.LineEnd }),
                unmapped = records.Unmapped.Select(u => new { type = u.Type, line = u.Line, description = u.Description }),
            },
            copies = outcome.Copies.Select(c => new { line = c.Line, lineEnd = c.LineEnd, sourceId = c.SourceId, sourceTitle = c.SourceTitle, sourceLine = c.SourceLine, sourceLineEnd = c.SourceLineEnd, similarity = Math.Round(c.Similarity, 3) }),
            stored = outcome.Stored is { } s ? new { sourceId = s.SourceId, version = s.Version, unchanged = s.Unchanged, created = s.Created, updated = s.Updated } : null,
            draft = outcome.Draft is { } d ? new { id = d.DraftId, stagedAt = d.StagedAt, alreadyStaged = d.AlreadyStaged } : null,
        };
    }

    /// <summary>One block as the contract gives it: <c>type</c>, <c>line</c>, and the fields of its kind.</summary>
    public static object Block(Block block) => block switch
    {
        HeadingBlock h => new { type = h.Type, line = h.Line, text = h.Text },
        ParagraphBlock p => new { type = p.Type, line = p.Line, lineEnd = p.LineEnd, text = p.Text, truncated = p.Truncated },
        ListBlock l => new { type = l.Type, line = l.Line, intro = l.Intro, items = l.Items.Select(i => new { label = i.Label, text = i.Text, line = i.Line, truncated = i.Truncated }) },
        TableBlock t => (object)new
        {
            type = t.Type,
            line = t.Line,
            lineEnd = t.LineEnd,
            columns = t.Columns,
            rows = t.Rows,
            cellLines = t.CellLines,
            truncatedCells = t.TruncatedCells.Select(c => new { row = c.Row, column = c.Column }),
            incompleteRows = t.IncompleteRows,
        },
        _ => new { type = block.Type, line = block.Line },
    };
}
