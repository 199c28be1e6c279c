using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Domain;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Core.Features.Ingest;

/// <summary>A document to ingest into a programme.</summary>
/// <param name="FileName">The file's name; folders are dropped. Used to find earlier versions of the same source.</param>
/// <param name="Content">The file's bytes.</param>
/// <param name="ProgrammeSlug">The programme; null for the only one.</param>
/// <param name="DryRun">Recover and map, store nothing.</param>
public sealed record IngestRequest(string FileName, byte[] Content, string? ProgrammeSlug, bool DryRun);

/// <summary>What ingest recovered, mapped and (unless a dry run) stored.</summary>
public sealed record IngestOutcome(string ProgrammeSlug, ParsedDocument Document, MappedRecords Records, StoredIngest? Stored);

/// <summary>What was written: the source version, and how many records were created or given new evidence.</summary>
/// <param name="Unchanged">The same bytes were ingested before as this source's latest version; nothing was written.</param>
public sealed record StoredIngest(int SourceId, int Version, bool Unchanged, int Created, int Updated);

/// <summary>
/// Ingests one document: recovers its structure (<see cref="DocumentIngestor"/>), maps it to records
/// (<see cref="RecordMapper"/>) and stores source, records and evidence in one transaction.
/// Re-ingesting identical bytes writes nothing; changed bytes under the same file name become a new
/// version of the source. A record that already exists (same area and title, same initiative name, same
/// strategic action) is not duplicated: it gets the new evidence, and an initiative its new status.
/// </summary>
public sealed class IngestDocument(PtrackDbContext db, ProgrammeLookup programmes, IngestSettings settings, TimeProvider time)
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

        var parsed = DocumentIngestor.Parse(request.FileName, request.Content, settings.Options, cancellationToken);
        if (parsed.Failure is { } failure)
        {
            return Failure.Invalid(failure.Message, "file");
        }

        var document = parsed.Document!;
        var records = settings.Mapper.Map(document);
        if (request.DryRun)
        {
            return new IngestOutcome(programme.Value!.Slug, document, records, null);
        }

        var stored = await StoreAsync(programme.Value!, document, records, cancellationToken);
        return new IngestOutcome(programme.Value!.Slug, document, records, stored);
    }

    private async Task<StoredIngest> StoreAsync(Programme programme, ParsedDocument document, MappedRecords records, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var latest = await db.Sources
            .Where(s => s.ProgrammeId == programme.Id && s.FileName == document.Source.Name)
            .OrderByDescending(s => s.Version)
            .FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && latest.Sha256 == document.Source.Sha256)
        {
            return new StoredIngest(latest.Id, latest.Version, Unchanged: true, 0, 0);
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
            Content = string.Join('\n', document.Lines),
            DataQualityFlags = document.Removed.Select(r => r.Reason)
                .Concat(document.Warnings.Concat(records.Warnings).Select(w => w.Code))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            IngestReportJson = JsonSerializer.Serialize(new { removed = document.Removed, warnings = document.Warnings.Concat(records.Warnings) }, Json),
            UnmappedStructureJson = records.Unmapped.Count == 0 ? null : JsonSerializer.Serialize(
                document.Blocks.Where(b => records.Unmapped.Any(u => u.Line == b.Line)).Select(IngestJson.Block), Json),
        };
        db.Sources.Add(source);
        await db.SaveChangesAsync(cancellationToken);

        var writer = new RecordWriter(db, programme.Id, source.Id);
        await writer.LoadAsync(cancellationToken);
        writer.Write(records);
        await db.SaveChangesAsync(cancellationToken);
        await writer.AddEvidenceAsync(cancellationToken);
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
