using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.History;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Records.Listing;
using PartnershipTracker.Core.Features.Review;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Api;

/// <summary>A page of a list as the API answers it: <c>{"items": [...], "nextCursor": "..." | null, "total": N}</c>.</summary>
/// <param name="NextCursor">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Total">How many records match the filters in all.</param>
public sealed record ItemsPage<T>(IReadOnlyList<T> Items, string? NextCursor, int Total);

/// <summary>Items without paging (evidence, history, observations of one record): <c>{"items": [...], "nextCursor": null}</c>.</summary>
public sealed record ItemsList<T>(IReadOnlyList<T> Items)
{
    public string? NextCursor => null;
}

/// <summary>One change of a record's history as the API gives it; field names camelCase, values as stored (JSON).</summary>
public sealed record HistoryItem(long Id, ChangeAction Action, int Revision, DateTimeOffset At, string Actor, IReadOnlyList<HistoryField> Fields);

/// <summary>One changed field; <see cref="Before"/> and <see cref="After"/> are null JSON when <see cref="Omitted"/> (a large text).</summary>
public sealed record HistoryField(string Field, JsonElement? Before, JsonElement? After, bool Omitted);

/// <summary>The query parameters of a list; all optional. Numbers are read here so that a bad one is a 400 naming it.</summary>
public sealed class ListParameters
{
    /// <summary>The programme's slug; may be left out when there is only one programme.</summary>
    [FromQuery(Name = "programme")]
    public string? Programme { get; init; }

    /// <summary>Only records of this area id (achievements, challenges, initiatives, recommendations, indicators).</summary>
    [FromQuery(Name = "area")]
    public string? Area { get; init; }

    /// <summary>Only milestones of this initiative id.</summary>
    [FromQuery(Name = "initiative")]
    public string? Initiative { get; init; }

    /// <summary>A status name, any case (initiatives, challenges, milestones, recommendations).</summary>
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>A severity name, any case (challenges).</summary>
    [FromQuery(Name = "severity")]
    public string? Severity { get; init; }

    /// <summary>A review cycle, e.g. 2024 (recommendations).</summary>
    [FromQuery(Name = "cycle")]
    public string? Cycle { get; init; }

    /// <summary>A source kind name, any case (sources).</summary>
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>A review state, any case: draft, submitted, approved or returned (every list).</summary>
    [FromQuery(Name = "reviewState")]
    public string? ReviewState { get; init; }

    /// <summary>Text the record's main text fields contain (ASCII letters in any case).</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    /// <summary>A field to sort by (each list names its own; invalid values are a 400 listing them).</summary>
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary><c>asc</c> (default) or <c>desc</c>.</summary>
    [FromQuery(Name = "dir")]
    public string? Dir { get; init; }

    /// <summary>The <c>nextCursor</c> of the previous page, with the same sort and dir.</summary>
    [FromQuery(Name = "cursor")]
    public string? Cursor { get; init; }

    /// <summary>Records per page, 1 to 200; default 50.</summary>
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    /// <summary>The list query these parameters ask for, or the 400 for a malformed number or direction.</summary>
    public (RecordQuery? Query, IResult? Problem) ToQuery()
    {
        var errors = new FieldErrors();
        var area = Number("area", Area, errors);
        var initiative = Number("initiative", Initiative, errors);
        var limit = Number("limit", Limit, errors);
        var descending = Dir?.Trim().ToLowerInvariant() switch
        {
            null or "" or "asc" => false,
            "desc" => true,
            _ => Bad(errors, "dir", $"dir must be asc or desc (not '{FieldErrors.Shorten(Dir!)}')"),
        };
        if (errors.Any)
        {
            return (null, errors.ToFailure("list query").ToProblem());
        }

        return (new RecordQuery
        {
            Programme = Programme,
            Area = area,
            Initiative = initiative,
            Status = Status,
            Severity = Severity,
            Cycle = Cycle,
            Kind = Kind,
            ReviewState = ReviewState,
            Q = Q,
            Sort = Sort,
            Descending = descending,
            Cursor = Cursor,
            Limit = limit,
        }, null);
    }

    private static bool Bad(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }

    private static int? Number(string field, string? text, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(field, $"{field} must be a whole number (not '{FieldErrors.Shorten(text)}')");
        return null;
    }
}

/// <summary>The body of <c>POST …/{id}/return</c>: the reviewer's comment for the author, 1 to 2000 characters.</summary>
public sealed record ReturnInput(string Comment);

/// <summary>A step of the review workflow as an API action under a record: its path segment and what it does.</summary>
internal sealed record ReviewStep(string Path, string Verb, Func<string, string> Description)
{
    public static readonly ReviewStep Submit = new("submit", "Submit", noun => $"Submits a draft or returned {noun} for review (contributor and up); 409 in another state.");

    public static readonly ReviewStep Approve = new("approve", "Approve", noun => $"Approves a submitted {noun} (reviewer and up; 403 for the reviewer who made its last change); 409 in another state.");

    public static readonly ReviewStep Return = new("return", "Return", noun => $"Returns a submitted {noun} to its author with a comment: body {{\"comment\": \"...\"}}, 1 to 2000 characters (reviewer and up); 409 in another state.");

    public static IReadOnlyList<ReviewStep> All { get; } = [Submit, Approve, Return];
}

/// <summary>
/// One record type as an API resource under <c>/api/v1/{Path}</c>: how to list it, read one, and edit it.
/// </summary>
internal sealed record RecordResource<TRecord, TRow, TInput>(
    string Path,
    string Tag,
    RecordType Type,
    Func<IServiceProvider, RecordQuery, CancellationToken, Task<Result<RecordPage<TRow>>>> List,
    Func<IServiceProvider, int, CancellationToken, Task<Result<TRow>>> Get,
    Func<IServiceProvider, RecordEditor<TRecord, TInput>> Editor)
    where TRecord : class, IEditableRecord
    where TRow : IRecordRow
    where TInput : class
{
    public string Noun => EditableRecords.Noun(Type);
}

/// <summary>
/// The endpoints every editable record type has (list, get, create, replace, merge-patch, delete, restore, purge, evidence,
/// history), each a few lines over a Core handler. See docs/adr/0011-api-conventions.md.
/// </summary>
internal static class RecordEndpoints
{
    private static readonly string[] JsonTypes = ["application/json"];
    private static readonly string[] PatchTypes = ["application/merge-patch+json", "application/json"];

    public static RouteGroupBuilder MapRecordResource<TRecord, TRow, TInput>(this IEndpointRouteBuilder api, RecordResource<TRecord, TRow, TInput> resource)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var noun = resource.Noun;
        var name = Pascal(resource.Path);
        var single = Pascal(noun);
        var a = "aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an" : "a";
        var group = api.MapGroup("/" + resource.Path).WithTags(resource.Tag);

        group.MapGet("/", (HttpContext context, [AsParameters] ListParameters parameters, CancellationToken ct) => ListAsync(context, resource, parameters, ct))
            .WithName("List" + name)
            .WithSummary($"List {resource.Path}")
            .WithDescription($"One page of the programme's {resource.Path}, filtered and sorted; follow nextCursor for the next page. The ETag is weak.")
            .Produces<ItemsPage<TRow>>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}", (HttpContext context, int id, CancellationToken ct) => GetAsync(context, resource, id, ct))
            .WithName("Get" + single)
            .WithSummary($"Get one {noun}")
            .WithDescription($"The {noun} with its revision; the ETag header is the revision (\"3\"), to send back as If-Match.")
            .Produces<TRow>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapPost("/", (HttpContext context, string? programme, CancellationToken ct) => CreateAsync(context, resource, programme, ct))
            .WithName("Create" + single)
            .WithSummary($"Create {a} {noun}")
            .WithDescription($"Stores a new {noun} in the programme (?programme=SLUG, optional with one programme). 201 with Location and ETag.")
            .Accepts<TInput>("application/json")
            .Produces<TRow>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        group.MapPut("/{id:int}", (HttpContext context, int id, CancellationToken ct) => ReplaceAsync(context, resource, id, merge: false, ct))
            .WithName("Replace" + single)
            .WithSummary($"Replace {a} {noun}")
            .WithDescription($"Replaces every editable field of the {noun} (a missing field is cleared or takes its default; a missing classification or releasableTo keeps the record's marking). Requires If-Match with the ETag read.")
            .Accepts<TInput>("application/json")
            .WithChangeResponses<TRow>();

        group.MapPatch("/{id:int}", (HttpContext context, int id, CancellationToken ct) => ReplaceAsync(context, resource, id, merge: true, ct))
            .WithName("Patch" + single)
            .WithSummary($"Change some fields of {a} {noun}")
            .WithDescription($"An RFC 7396 JSON merge patch of the {noun}: given fields replace, null clears. Requires If-Match with the ETag read.")
            .Accepts<TInput>("application/merge-patch+json", "application/json")
            .WithChangeResponses<TRow>();

        group.MapDelete("/{id:int}", (HttpContext context, int id, CancellationToken ct) => DeleteAsync(context, resource, id, restore: false, ct))
            .WithName("Delete" + single)
            .WithSummary($"Delete {a} {noun}")
            .WithDescription($"Deletes the {noun} softly: hidden everywhere, kept with its evidence and history, and restorable. 204 with the new ETag. Requires If-Match.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapPost("/{id:int}/restore", (HttpContext context, int id, CancellationToken ct) => DeleteAsync(context, resource, id, restore: true, ct))
            .WithName("Restore" + single)
            .WithSummary($"Restore a deleted {noun}")
            .WithDescription($"Brings a deleted {noun} back. Requires If-Match with the ETag the delete answered. 409 when it is not deleted.")
            .Produces<TRow>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        // Purging takes an admin whatever the record or the request: refused before anything is read.
        group.MapDelete("/{id:int}/purge", (HttpContext context, int id, CancellationToken ct) => PurgeAsync(context, resource, id, ct))
            .RequireAuthorization(Infrastructure.Authentication.AccessPolicies.Admin)
            .WithName("Purge" + single)
            .WithSummary($"Purge a deleted {noun}")
            .WithDescription($"Deletes a deleted {noun} for good with its evidence and history (admins only). Only a deleted {noun} can be purged (409 for a live one); 409 naming how many records still point at it. Requires If-Match. 204; one record.purged audit entry.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        foreach (var step in ReviewStep.All)
        {
            var endpoint = group.MapPost("/{id:int}/" + step.Path, (HttpContext context, int id, CancellationToken ct) => ReviewAsync(context, resource, id, step, ct))
                .WithName(step.Verb + single)
                .WithSummary($"{step.Verb} {a} {noun}")
                .WithDescription(step.Description(noun) + " Requires If-Match with the ETag read; answers the record with its new ETag.");

            // Approving and returning take a reviewer whatever the record or the request: refused before anything is read.
            if (step != ReviewStep.Submit)
            {
                endpoint.RequireAuthorization(Infrastructure.Authentication.AccessPolicies.Reviewer);
            }

            if (step == ReviewStep.Return)
            {
                endpoint.Accepts<ReturnInput>("application/json")
                    .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
                    .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
            }

            endpoint.Produces<TRow>()
                .ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status403Forbidden)
                .ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status409Conflict)
                .ProducesProblem(StatusCodes.Status412PreconditionFailed)
                .ProducesProblem(StatusCodes.Status428PreconditionRequired);
        }

        group.MapGet("/{id:int}/evidence", (int id, GetRecordEvidence evidence, CancellationToken ct) => EvidenceAsync(resource.Type, id, evidence, ct))
            .WithName($"Get{single}Evidence")
            .WithSummary($"The evidence of {a} {noun}")
            .WithDescription("The passages of sources that support the record: source, lines (from 1) and quote.")
            .Produces<ItemsList<EvidenceRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/history", (int id, GetRecordHistory history, CancellationToken ct) => HistoryAsync(resource.Type, id, history, ct))
            .WithName($"Get{single}History")
            .WithSummary($"The change history of {a} {noun}")
            .WithDescription("Every change, newest first: action, revision, time, actor and each changed field's value before and after. Deleted records keep theirs.")
            .Produces<ItemsList<HistoryItem>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        group.MapGet("/{id:int}/label", (int id, ConfidentialityLabel label, CancellationToken ct) => LabelAsync(resource.Type, id, label, ct))
            .WithName($"Get{single}Label")
            .WithSummary($"The STANAG 4774 confidentiality label of {a} {noun}")
            .WithDescription("The marking as an XML originatorConfidentialityLabel (urn:nato:stanag:4774:confidentialitymetadatalabel:1:0): policy NATO, the classification, a PERMISSIVE \"Releasable To\" category with one GenericValue per nation or organisation, and CreationDateTime. See docs/adr/0016-markings.md.")
            .Produces<string>(StatusCodes.Status200OK, "application/xml")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static RouteHandlerBuilder WithChangeResponses<TRow>(this RouteHandlerBuilder builder) =>
        builder.Produces<TRow>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

    private static async Task<IResult> ListAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, ListParameters parameters, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var (query, problem) = parameters.ToQuery();
        if (problem is not null)
        {
            return problem;
        }

        var result = await resource.List(context.RequestServices, query!, ct);
        if (!result.Succeeded)
        {
            return ApiResults.Failed(result.Failure!);
        }

        var page = result.Value!;
        var etag = WeakETag(page);
        context.Response.Headers.ETag = etag;
        return ETags.NoneMatch(context.Request, etag)
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(new ItemsPage<TRow>(page.Items, page.NextCursor, page.Total));
    }

    private static async Task<IResult> GetAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, int id, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var result = await resource.Get(context.RequestServices, id, ct);
        if (!result.Succeeded)
        {
            return ApiResults.Failed(result.Failure!);
        }

        var etag = ETags.Of(result.Value!.Revision);
        context.Response.Headers.ETag = etag;
        return ETags.NoneMatch(context.Request, etag) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(result.Value);
    }

    private static async Task<IResult> CreateAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, string? programme, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var (body, problem) = await ApiJson.ReadObjectAsync(context.Request, JsonTypes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var (input, bindProblem) = ApiJson.Bind<TInput>(body!);
        if (bindProblem is not null)
        {
            return bindProblem;
        }

        var created = await resource.Editor(context.RequestServices).CreateAsync(programme, input!, ct);
        if (!created.Succeeded)
        {
            return ApiResults.Failed(created.Failure!);
        }

        var row = await resource.Get(context.RequestServices, created.Value!.Id, ct);
        context.Response.Headers.ETag = ETags.Of(created.Value.Revision);
        return TypedResults.Created($"/api/v1/{resource.Path}/{created.Value.Id}", row.Value);
    }

    private static async Task<IResult> ReplaceAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, int id, bool merge, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var expected = ETags.ExpectedRevision(context.Request, out var precondition);
        if (expected is null)
        {
            return precondition!;
        }

        var (body, problem) = await ApiJson.ReadObjectAsync(context.Request, merge ? PatchTypes : JsonTypes, ct);
        if (problem is not null)
        {
            return problem;
        }

        var current = await resource.Get(context.RequestServices, id, ct);
        if (!current.Succeeded)
        {
            return ApiResults.Failed(current.Failure!);
        }

        if (current.Value!.Revision != expected)
        {
            return ApiResults.Stale(context, resource.Noun, id, expected.Value, current.Value.Revision);
        }

        if (merge)
        {
            var stored = JsonSerializer.SerializeToNode(current.Value, ApiJson.Options)!.AsObject();
            body = ApiJson.MergePatch(stored, body!);
        }

        var (input, bindProblem) = ApiJson.Bind<TInput>(body!);
        if (bindProblem is not null)
        {
            return bindProblem;
        }

        var updated = await resource.Editor(context.RequestServices).UpdateAsync(id, expected.Value, input!, ct);
        if (!updated.Succeeded)
        {
            return await ConflictOrStaleAsync(context, resource, id, expected.Value, updated.Failure!, ct);
        }

        var row = await resource.Get(context.RequestServices, id, ct);
        context.Response.Headers.ETag = ETags.Of(updated.Value!.Revision);
        return TypedResults.Ok(row.Value);
    }

    private static async Task<IResult> DeleteAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, int id, bool restore, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var expected = ETags.ExpectedRevision(context.Request, out var precondition);
        if (expected is null)
        {
            return precondition!;
        }

        var request = new RecordAtRevision(resource.Type, id, expected.Value);
        var result = restore
            ? await context.RequestServices.GetRequiredService<RestoreRecord>().HandleAsync(request, ct)
            : await context.RequestServices.GetRequiredService<DeleteRecord>().HandleAsync(request, ct);
        return await AnswerChangeAsync(context, resource, request, result, answerRecord: restore, ct);
    }

    /// <summary>
    /// <c>DELETE …/{id}/purge</c> with If-Match: deletes a softly deleted record for good (admins only; docs/adr/0018-hard-delete.md).
    /// 204 with no ETag (there is no record left); 409 for a live record or one others point at, 412 for a stale If-Match.
    /// </summary>
    private static async Task<IResult> PurgeAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, int id, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var expected = ETags.ExpectedRevision(context.Request, out var precondition);
        if (expected is null)
        {
            return precondition!;
        }

        var result = await context.RequestServices.GetRequiredService<PurgeRecord>().HandleAsync(new RecordAtRevision(resource.Type, id, expected.Value), ct);
        return result.Succeeded ? TypedResults.NoContent() : await ConflictOrStaleAsync(context, resource, id, expected.Value, result.Failure!, ct);
    }

    /// <summary>Submit, approve or return: <c>POST …/{id}/submit|approve|return</c> with If-Match; return takes <c>{"comment": "…"}</c>.</summary>
    private static async Task<IResult> ReviewAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, int id, ReviewStep step, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        var expected = ETags.ExpectedRevision(context.Request, out var precondition);
        if (expected is null)
        {
            return precondition!;
        }

        string? comment = null;
        if (step == ReviewStep.Return)
        {
            var (body, problem) = await ApiJson.ReadObjectAsync(context.Request, JsonTypes, ct);
            if (problem is not null)
            {
                return problem;
            }

            if (body!["comment"] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return ApiResults.Invalid("comment must be a string", "comment");
            }

            comment = body["comment"]?.GetValue<string>();
        }

        var request = new RecordAtRevision(resource.Type, id, expected.Value);
        var services = context.RequestServices;
        var result = step.Path switch
        {
            "submit" => await services.GetRequiredService<SubmitRecord>().HandleAsync(request, ct),
            "approve" => await services.GetRequiredService<ApproveRecord>().HandleAsync(request, ct),
            _ => await services.GetRequiredService<ReturnRecord>().HandleAsync(request, comment, ct),
        };
        return await AnswerChangeAsync(context, resource, request, result, answerRecord: true, ct);
    }

    /// <summary>
    /// The answer to a delete, restore or review step: a failure as <see cref="ConflictOrStaleAsync"/> maps it; else the new
    /// ETag with the record as it now is (<paramref name="answerRecord"/>) or 204.
    /// </summary>
    private static async Task<IResult> AnswerChangeAsync<TRecord, TRow, TInput>(
        HttpContext context, RecordResource<TRecord, TRow, TInput> resource, RecordAtRevision request, Result<RecordRevision> result, bool answerRecord, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        if (!result.Succeeded)
        {
            return await ConflictOrStaleAsync(context, resource, request.Id, request.ExpectedRevision, result.Failure!, ct);
        }

        context.Response.Headers.ETag = ETags.Of(result.Value!.Revision);
        if (!answerRecord)
        {
            return TypedResults.NoContent();
        }

        var row = await resource.Get(context.RequestServices, request.Id, ct);
        return TypedResults.Ok(row.Value);
    }

    /// <summary>A Conflict from a handler is a 412 when the record's revision is not the one If-Match named (a lost race), else the 409 it is.</summary>
    private static async Task<IResult> ConflictOrStaleAsync<TRecord, TRow, TInput>(HttpContext context, RecordResource<TRecord, TRow, TInput> resource, int id, int expected, Failure failure, CancellationToken ct)
        where TRecord : class, IEditableRecord
        where TRow : IRecordRow
        where TInput : class
    {
        if (failure.Kind == FailureKind.Conflict)
        {
            var db = context.RequestServices.GetRequiredService<PtrackDbContext>();
            db.ChangeTracker.Clear();
            var record = await EditableRecords.FindAsync(db, resource.Type, id, includeDeleted: true, ct);
            if (record is not null && record.Revision != expected)
            {
                return ApiResults.Stale(context, resource.Noun, id, expected, record.Revision);
            }
        }

        return ApiResults.Failed(failure);
    }

    private static async Task<IResult> EvidenceAsync(RecordType type, int id, GetRecordEvidence evidence, CancellationToken ct)
    {
        var result = await evidence.HandleAsync(type, id, ct);
        return result.Succeeded ? TypedResults.Ok(new ItemsList<EvidenceRow>(result.Value!)) : ApiResults.Failed(result.Failure!);
    }

    private static async Task<IResult> LabelAsync(RecordType type, int id, ConfidentialityLabel label, CancellationToken ct)
    {
        var result = await label.HandleAsync(type, id, ct);
        return result.Succeeded
            ? TypedResults.Text(result.Value!, "application/xml", System.Text.Encoding.UTF8)
            : ApiResults.Failed(result.Failure!);
    }

    private static async Task<IResult> HistoryAsync(RecordType type, int id, GetRecordHistory history, CancellationToken ct)
    {
        var result = await history.HandleAsync(type, id, ct);
        if (!result.Succeeded)
        {
            return ApiResults.Failed(result.Failure!);
        }

        var items = result.Value!.Select(c => new HistoryItem(c.Id, c.Action, c.Revision, c.At, c.Actor,
            c.Fields.Select(f => new HistoryField(JsonNamingPolicy.CamelCase.ConvertName(f.Field),
                f.Omitted ? null : f.Before, f.Omitted ? null : f.After, f.Omitted)).ToList())).ToList();
        return TypedResults.Ok(new ItemsList<HistoryItem>(items));
    }

    /// <summary>W/"…": a hash of the page's ids, revisions, cursor and total; it changes when any record on it does.</summary>
    private static string WeakETag<TRow>(RecordPage<TRow> page)
        where TRow : IRecordRow
    {
        var text = new StringBuilder();
        foreach (var item in page.Items)
        {
            text.Append(CultureInfo.InvariantCulture, $"{item.Id}:{item.Revision};");
        }

        text.Append(CultureInfo.InvariantCulture, $"{page.Total}|{page.NextCursor}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return "W/\"" + Convert.ToHexStringLower(hash.AsSpan(0, 8)) + "\"";
    }

    private static string Pascal(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
