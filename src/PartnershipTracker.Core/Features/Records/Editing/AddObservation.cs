using Microsoft.EntityFrameworkCore;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Security;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Records.Editing;

/// <summary>
/// One measured value to add to an indicator: <see cref="Value"/> in the indicator's unit (required),
/// <see cref="OutOf"/> the whole it is part of ("23 of 63"), <see cref="Period"/> an ISO partial date,
/// <see cref="PeriodText"/> the period as the source wrote it, <see cref="SourceId"/> a live source of the same programme.
/// </summary>
public sealed record ObservationInput
{
    public decimal? Value { get; init; }

    public decimal? OutOf { get; init; }

    public string? Period { get; init; }

    public string? PeriodText { get; init; }

    public int? SourceId { get; init; }

    public string? Confidence { get; init; }

    public string? Note { get; init; }
}

/// <summary>
/// Adds an observation to a live indicator. Observations have no revision or history of their own (ADR 0010); a
/// second value for the same period is kept beside the first, never replacing it. Failures: NotFound for an
/// unknown or deleted indicator, Invalid with every field message at once.
/// </summary>
/// <remarks>
/// Every added observation writes the audit entry <see cref="AddedEvent"/> (PRODUCT.md C9: every change is logged) about
/// the indicator, with its marking (an entry a reader may not see is left out of their audit log), the actor, the
/// client address and details <c>{"observationId","IndicatorId","value","outOf","period","periodText","SourceId",
/// "confidence","note"}</c>, in the same transaction as the observation.
/// </remarks>
public sealed class AddObservation(PtrackDbContext db, TimeProvider time)
{
    /// <summary>The audit event of an added observation.</summary>
    public const string AddedEvent = "observation.added";

    /// <summary>Largest magnitude of a value or whole: 10^14 (the column keeps 18 digits, 4 after the point).</summary>
    public const decimal MaxMagnitude = 100_000_000_000_000m;

    public async Task<Result<ObservationRow>> HandleAsync(int indicatorId, ObservationInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var indicator = await db.Indicators.AsNoTracking().FirstOrDefaultAsync(i => i.Id == indicatorId, cancellationToken);
        if (indicator is null)
        {
            return RecordReading.NotFound("indicator", indicatorId);
        }

        var errors = new FieldErrors();
        if (input.Value is null)
        {
            errors.Add("value", "value is required");
        }
        else if (Math.Abs(input.Value.Value) >= MaxMagnitude)
        {
            errors.Add("value", $"value must be smaller than {MaxMagnitude:0} in magnitude");
        }

        if (input.OutOf is { } outOf && (outOf <= 0 || outOf >= MaxMagnitude))
        {
            errors.Add("outOf", $"outOf must be more than 0 and smaller than {MaxMagnitude:0}");
        }

        var period = errors.Date("period", input.Period);
        var periodText = errors.Text("periodText", input.PeriodText, FieldErrors.LabelLength);
        var confidence = errors.Text("confidence", input.Confidence, FieldErrors.LabelLength);
        var note = errors.Text("note", input.Note, FieldErrors.TextLength);
        string? sourceTitle = null;
        string? sourceUrl = null;
        if (input.SourceId is int sourceId)
        {
            var source = await db.Sources.AsNoTracking().Where(s => s.Id == sourceId && s.ProgrammeId == indicator.ProgrammeId)
                .Select(s => new { s.Title, s.Url }).FirstOrDefaultAsync(cancellationToken);
            if (source is null)
            {
                errors.Add("sourceId", $"sourceId: source {sourceId} does not exist in this programme");
            }
            else
            {
                (sourceTitle, sourceUrl) = (source.Title, source.Url);
            }
        }

        if (errors.Any)
        {
            return errors.ToFailure("observation");
        }

        var observation = new Observation
        {
            IndicatorId = indicatorId,
            Value = input.Value!.Value,
            OutOf = input.OutOf,
            Period = period,
            PeriodText = periodText,
            SourceId = input.SourceId,
            Confidence = confidence,
            Note = note,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Observations.Add(observation);
        await db.SaveChangesAsync(cancellationToken);
        db.AuditEntries.Add(AuditLog.Entry(
            time.GetUtcNow(), db.Actor.Name, AddedEvent,
            new Dictionary<string, object?>
            {
                ["observationId"] = observation.Id,
                ["IndicatorId"] = indicatorId,
                ["value"] = observation.Value,
                ["outOf"] = observation.OutOf,
                ["period"] = period?.ToString(),
                ["periodText"] = periodText,
                ["SourceId"] = input.SourceId,
                ["confidence"] = confidence,
                ["note"] = note,
            },
            db.Actor.RemoteAddress,
            indicator));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ObservationRow(observation.Id, observation.Value, observation.OutOf, period, periodText, input.SourceId, sourceTitle, sourceUrl, confidence, note);
    }
}
