using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Domain;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Core.Features.Ingest;

/// <summary>What ingest does with a document once it is read and mapped.</summary>
public enum IngestMode
{
    /// <summary>Recover and map, store nothing at all (not even a draft).</summary>
    DryRun,

    /// <summary>Keep the document as an <see cref="IngestDraft"/> for review; no source or record is written.</summary>
    Stage,

    /// <summary>Store the source, its records and their evidence at once.</summary>
    Store,
}

/// <summary>A document to ingest into a programme.</summary>
/// <param name="FileName">The file's name; folders are dropped. Used to find earlier versions of the same source.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ProgrammeSlug">The programme; null for the only one.</param>
/// <param name="Mode">Dry run, stage for review, or store.</param>
/// <param name="Marking">The source's marking, which the records it creates take; null for <see cref="MarkingDefaults"/>.
/// It must be one the person ingesting could see (else Invalid under <c>classification</c> or <c>releasableTo</c>).</param>

/// <param name="Approve">Store the source and the records it creates or changes as Approved instead of Draft (the CLI's
/// <c>--approve</c>, the example programme); see docs/adr/0017-review-workflow-and-audit.md.</param>
public sealed record IngestRequest(string FileName, byte[] Content, string? ProgrammeSlug, IngestMode Mode, RecordMarking? Marking = null, bool Approve = false);

/// <summary>What ingest recovered and mapped, and what it staged (<see cref="Draft"/>) or stored (<see cref="Stored"/>); both null for a dry run.</summary>
/// <param name="Copies">Passages of this document that stored sources of the programme also have (other files than this one).</param>
public sealed record IngestOutcome(string ProgrammeSlug, ParsedDocument Document, MappedRecords Records, IReadOnlyList<PassageCopyFound> Copies, StoredIngest? Stored, StagedIngest? Draft = null)
{
    /// <summary>Areas, achievements, challenges, initiatives and recommendations the document gives.</summary>
    public int RecordCount => Records.Areas.Count + Records.Achievements.Count + Records.Challenges.Count + Records.Initiatives.Count + Records.Recommendations.Count;

    /// <summary>Warnings from reading and from mapping.</summary>
    public int WarningCount => Document.Warnings.Count + Records.Warnings.Count;
}

/// <summary>What was written: the source version, and how many records were created or given new evidence.</summary>
/// <param name="Unchanged">The same bytes were ingested before as this source's latest version; nothing was written.</param>
public sealed record StoredIngest(int SourceId, int Version, bool Unchanged, int Created, int Updated);

/// <summary>The draft a document was staged as.</summary>
/// <param name="AlreadyStaged">The same bytes were already waiting as this draft for the same programme; no second draft was made.</param>
public sealed record StagedIngest(int DraftId, DateTimeOffset StagedAt, bool AlreadyStaged);

/// <summary>
/// Ingests one document: recovers its structure (<see cref="DocumentIngestor"/>), maps it to records
/// (<see cref="RecordMapper"/>) and then, by <see cref="IngestRequest.Mode"/>, stores nothing, stages it as a
/// draft for review, or stores source, records and evidence in one transaction.
/// Re-ingesting identical bytes writes nothing; changed bytes under the same file name become a new
/// version of the source. A record that already exists (same area and title, same initiative name, same
/// strategic action) is not duplicated: it gets the new evidence, and an initiative its new status; a deleted
/// record or source version is matched too and stays deleted. Stored sources and the records ingest creates or
/// changes are Draft in the review workflow unless the request approves them (PRODUCT.md C3).
/// </summary>
public sealed class IngestDocument(PtrackDbContext db, ProgrammeLookup programmes, IngestSettings settings, CrossSourceRepeats repeats, TimeProvider time, MarkingDefaults? defaults = null)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Result<IngestOutcome>> HandleAsync(IngestRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var programme = await programmes.FindAsync(request.ProgrammeSlug, cancellationToken);
        if (!programme.Succeeded)
        {
            return programme.Failure!;
        }

        var marking = request.Marking ?? (defaults ?? new MarkingDefaults()).Marking;
        if (!db.Access.CanSee(marking.Classification, string.Empty))
        {
            return Failure.Invalid(MarkingFields.AboveClearance, "classification");
        }

        if (!db.Access.CanSee(marking.Classification, marking.ReleasableTo))
        {
            return Failure.Invalid(MarkingFields.NotReleasableToWriter, "releasableTo");
        }

        var read = await ReadAsync(programme.Value!, request.FileName, request.Content, cancellationToken);
        if (!read.Succeeded)
        {
            return read.Failure!;
        }

        var (outcome, passages) = read.Value;
        return request.Mode switch
        {
            IngestMode.Stage => outcome with { Draft = await StageAsync(programme.Value!, request.Content, outcome, marking, cancellationToken) },
            IngestMode.Store => outcome with { Stored = await StoreAsync(programme.Value!, outcome, passages, draft: null, marking, request.Approve, cancellationToken) },
            _ => outcome,
        };
    }

    /// <summary>Stores a staged draft: reads its bytes again, writes source, records and evidence, and removes the draft, in one transaction.</summary>
    /// <param name="approve">Store as Approved instead of Draft in the review workflow.</param>
    /// <returns>The outcome, or NotFound when no draft has that id.</returns>
    public async Task<Result<IngestOutcome>> AcceptDraftAsync(int draftId, bool approve = false, CancellationToken cancellationToken = default)
    {
        var draft = await db.IngestDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null || !db.Access.CanSee(draft.Classification, draft.ReleasableTo))
        {
            return DraftNotFound(draftId);
        }

        var programme = await db.Programmes.FirstAsync(p => p.Id == draft.ProgrammeId, cancellationToken);
        var read = await ReadAsync(programme, draft.FileName, draft.Content, cancellationToken);
        if (!read.Succeeded)
        {
            // The limits or rules changed since it was staged; the draft stays for the person to discard.
            return read.Failure!;
        }

        var (outcome, passages) = read.Value;
        var stored = await StoreAsync(programme, outcome, passages, draft, new RecordMarking(draft.Classification, draft.ReleasableTo), approve, cancellationToken);

        // Null: someone accepted or discarded the same draft a moment ago (a double click on "Store"); their transaction won.
        return stored is null ? DraftNotFound(draftId) : outcome with { Stored = stored };
    }

    /// <summary>The preview of a staged draft: its bytes read and mapped again, nothing written.</summary>
    /// <returns>The outcome (with <see cref="IngestOutcome.Draft"/> set), or NotFound.</returns>
    public async Task<Result<IngestOutcome>> PreviewDraftAsync(int draftId, CancellationToken cancellationToken = default)
    {
        var draft = await db.IngestDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null || !db.Access.CanSee(draft.Classification, draft.ReleasableTo))
        {
            return DraftNotFound(draftId);
        }

        var programme = await db.Programmes.AsNoTracking().FirstAsync(p => p.Id == draft.ProgrammeId, cancellationToken);
        var read = await ReadAsync(programme, draft.FileName, draft.Content, cancellationToken);
        return read.Succeeded
            ? read.Value.Outcome with { Draft = new StagedIngest(draft.Id, draft.StagedAt, AlreadyStaged: true) }
            : read.Failure!;
    }

    /// <summary>Removes a staged draft; nothing else changes.</summary>
    /// <returns>The file name of the draft removed, or NotFound.</returns>
    public async Task<Result<string>> DiscardDraftAsync(int draftId, CancellationToken cancellationToken = default)
    {
        var draft = await db.IngestDrafts.FirstOrDefaultAsync(d => d.Id == draftId, cancellationToken);
        if (draft is null || !db.Access.CanSee(draft.Classification, draft.ReleasableTo))
        {
            return DraftNotFound(draftId);
        }

        db.IngestDrafts.Remove(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft.FileName;
    }

    private static Failure DraftNotFound(int draftId) => Failure.NotFound($"draft #{draftId} does not exist (already accepted or discarded?)");

    /// <summary>Parses and maps a document, and finds the passages stored sources of the programme also have; writes nothing.</summary>
    /// <returns>The outcome (neither staged nor stored) and the passage signatures a store would keep, or the reason the file was refused.</returns>
    private async Task<Result<(IngestOutcome Outcome, IReadOnlyList<PassageSignature> Passages)>> ReadAsync(
        Programme programme, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        var parsed = DocumentIngestor.Parse(fileName, content, settings.Options, cancellationToken);
        if (parsed.Failure is { } failure)
        {
            return Failure.Invalid(failure.Message, "file");
        }

        var document = parsed.Document!;
        var passages = repeats.Sign(document);
        var copies = await repeats.FindAsync(programme.Id, document.Source.Name, passages, cancellationToken);
        return (new IngestOutcome(programme.Slug, document, settings.Mapper.Map(document), copies, null), passages);
    }

    private async Task<StagedIngest> StageAsync(Programme programme, byte[] content, IngestOutcome outcome, RecordMarking marking, CancellationToken cancellationToken)
    {
        var source = outcome.Document.Source;
        var existing = await db.IngestDrafts.AsNoTracking()
            .Where(d => d.ProgrammeId == programme.Id && d.Sha256 == source.Sha256 && d.FileName == source.Name)
            .Select(d => new { d.Id, d.StagedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (existing is not null)
        {
            return new StagedIngest(existing.Id, existing.StagedAt, AlreadyStaged: true);
        }

        var draft = new IngestDraft
        {
            ProgrammeId = programme.Id,
            FileName = source.Name,
            Sha256 = source.Sha256,
            Format = source.Format,
            Title = source.Title,
            Content = content,
            StagedAt = time.GetUtcNow(),
            RecordCount = outcome.RecordCount,
            WarningCount = outcome.WarningCount,
            Classification = marking.Classification,
            ReleasableTo = marking.ReleasableTo,
        };
        db.IngestDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return new StagedIngest(draft.Id, draft.StagedAt, AlreadyStaged: false);
    }

    /// <summary>Every record ingest is about to create or change takes <paramref name="state"/>; records it only adds evidence to keep theirs.</summary>
    private void SetReviewState(ReviewState state)
    {
        db.ChangeTracker.DetectChanges();
        foreach (var entry in db.ChangeTracker.Entries<IEditableRecord>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            entry.Entity.ReviewState = state;
        }
    }

    /// <returns>What was stored; null when <paramref name="draft"/> was removed by someone else meanwhile (nothing is written then).</returns>
    private async Task<StoredIngest?> StoreAsync(Programme programme, IngestOutcome outcome, IReadOnlyList<PassageSignature> passages, IngestDraft? draft, RecordMarking marking, bool approve, CancellationToken cancellationToken)
    {
        var (document, records) = (outcome.Document, outcome.Records);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (draft is not null && await db.IngestDrafts.Where(d => d.Id == draft.Id).ExecuteDeleteAsync(cancellationToken) == 0)
        {
            return null;
        }

        // Deleted versions count: version numbers are never reused, and the same bytes as a deleted version are unchanged
        // (the source stays deleted until someone restores it).
        // Every marking counts too (the source itself is never shown from here): version numbers stay unique and one
        // document stays one source, whoever ingests it.
        var latest = await db.Sources.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter, EditableRecords.MarkingFilter])
            .Where(s => s.ProgrammeId == programme.Id && s.FileName == document.Source.Name)
            .OrderByDescending(s => s.Version)
            .FirstOrDefaultAsync(cancellationToken);
        // The same bytes already stored, under this name or another: one document is one piece of evidence, not two.
        var identical = latest is not null && latest.Sha256 == document.Source.Sha256
            ? latest
            : await db.Sources.IgnoreQueryFilters([EditableRecords.SoftDeleteFilter, EditableRecords.MarkingFilter])
                .Where(s => s.ProgrammeId == programme.Id && s.Sha256 == document.Source.Sha256)
                .OrderBy(s => s.Id)
                .FirstOrDefaultAsync(cancellationToken);
        if (identical is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            return new StoredIngest(identical.Id, identical.Version, Unchanged: true, 0, 0);
        }

        var source = new Source
        {
            ProgrammeId = programme.Id,
            Title = document.Source.Title ?? document.Source.Name,
            FileName = document.Source.Name,
            Sha256 = document.Source.Sha256,
            Format = document.Source.Format,
            RetrievedAt = time.GetUtcNow(),
            Version = (latest?.Version ?? 0) + 1,
            PreviousVersionId = latest?.Id,
            Classification = marking.Classification,
            ReleasableTo = marking.ReleasableTo,
            Content = string.Join('\n', document.Lines),
            DataQualityFlags = document.Removed.Select(r => r.Reason)
                .Concat(document.Warnings.Concat(records.Warnings).Select(w => w.Code))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            IngestReportJson = JsonSerializer.Serialize(new { removed = document.Removed, warnings = document.Warnings.Concat(records.Warnings) }, Json),
            UnmappedStructureJson = records.Unmapped.Count == 0 ? null : JsonSerializer.Serialize(
                document.Blocks.Where(b => records.Unmapped.Any(u => u.Line == b.Line)).Select(IngestJson.Block), Json),
        };
        var reviewState = approve ? ReviewState.Approved : ReviewState.Draft;
        source.ReviewState = reviewState;
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken);

        var writer = new RecordWriter(db, programme.Id, source.Id, marking);
        await writer.LoadAsync(cancellationToken);
        writer.Write(records);
        SetReviewState(reviewState);
        await db.SaveChangesAsync(cancellationToken);
        await writer.AddEvidenceAsync(cancellationToken);
        await repeats.AddAsync(source.Id, passages, outcome.Copies, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StoredIngest(source.Id, source.Version, Unchanged: false, writer.Created, writer.Updated);
    }
}

/// <summary>The parser limits and the mapping rules ingest runs with.</summary>
public sealed class IngestSettings
{
    public IngestSettings(IngestOptions options, MappingRules rules)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        Mapper = new RecordMapper(rules);
        Options = new IngestOptions
        {
            MaxFileBytes = options.MaxFileBytes,
            MaxPages = options.MaxPages,
            MaxLineLength = options.MaxLineLength,
            MaxProcessingTime = options.MaxProcessingTime,
            KnownHeaders = options.KnownHeaders.Count > 0 ? options.KnownHeaders : rules.KnownHeaders,
        };
    }

    public IngestOptions Options { get; }

    public MappingRules Rules { get; }

    public RecordMapper Mapper { get; }
}
