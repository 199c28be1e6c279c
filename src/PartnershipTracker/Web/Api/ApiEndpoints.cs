using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Api;

/// <summary>
/// The HTTP API under <c>/api/v1</c> (PRODUCT.md C7), its OpenAPI document at <c>/openapi/v1.json</c> and the
/// interactive API page at <c>/api/docs/</c> (Swagger UI, served by the application itself). Conventions in
/// docs/adr/0011-api-conventions.md.
/// </summary>
public static class ApiEndpoints
{
    /// <summary>Where the interactive API page is.</summary>
    public const string DocsPath = "/api/docs";

    /// <summary>The OpenAPI security scheme of API tokens (HTTP bearer), required by every write operation.</summary>
    public const string BearerSchemeName = "bearerToken";

    public static IServiceCollection AddPtrackApi(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options => ApiJson.Configure(options.SerializerOptions));
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Partnership Tracker API",
                    Version = "v1",
                    Description = "Records of a security partnership programme. Lists answer {\"items\", \"nextCursor\"}; every GET has an ETag "
                        + "(the record's revision); PUT, PATCH, DELETE and restore need If-Match (428 without, 412 when stale). Errors are RFC 9457 problem details.",
                };
                // No server list: clients and the API page use the address they reached the document at.
                document.Servers = [];
                return Task.CompletedTask;
            });
            // API tokens as an HTTP bearer scheme; every write operation requires one (the API ignores the session
            // cookie for changes), so the API page's "Try it out" can send a token (Authorize button).
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerSchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "An API token (ptk_…) from /account/tokens or `ptrack token create`, sent as Authorization: Bearer ptk_…. "
                        + "Required for every change; reads also accept the browser's session.",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                if (context.Description.HttpMethod is { } method && !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
                {
                    operation.Security ??= [];
                    operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerSchemeName, context.Document)] = [] });
                }

                return Task.CompletedTask;
            });
            options.AddSchemaTransformer((schema, context, _) =>
            {
                var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
                if (type == typeof(PartialDate))
                {
                    schema.Type = JsonSchemaType.String | (context.JsonTypeInfo.Type != type ? JsonSchemaType.Null : 0);
                    schema.Pattern = "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$";
                    schema.Description = "A date known to the year, month or day (ISO 8601 reduced precision): 2023, 2023-05 or 2023-05-17.";
                    schema.Properties?.Clear();
                    schema.Required?.Clear();
                }

                return Task.CompletedTask;
            });
        });
        return services;
    }

    public static IEndpointRouteBuilder MapPtrackApi(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Infrastructure.Authentication.AccessPolicies.Viewer);
        var api = app.MapGroup("/api/v1");
        ProgrammeEndpoints.Map(api);
        api.MapRecordResource(new RecordResource<Area, AreaListItem, AreaInput>(
            "areas", "Areas", RecordType.Area,
            (sp, q, ct) => sp.GetRequiredService<ListAreas>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListAreas>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditArea>()));
        api.MapRecordResource(new RecordResource<Achievement, AchievementRow, AchievementInput>(
            "achievements", "Achievements", RecordType.Achievement,
            (sp, q, ct) => sp.GetRequiredService<ListAchievements>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListAchievements>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditAchievement>()));
        api.MapRecordResource(new RecordResource<Challenge, ChallengeRow, ChallengeInput>(
            "challenges", "Challenges", RecordType.Challenge,
            (sp, q, ct) => sp.GetRequiredService<ListChallenges>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListChallenges>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditChallenge>()));
        api.MapRecordResource(new RecordResource<Initiative, InitiativeRow, InitiativeInput>(
            "initiatives", "Initiatives", RecordType.Initiative,
            (sp, q, ct) => sp.GetRequiredService<ListInitiatives>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListInitiatives>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditInitiative>()));
        api.MapRecordResource(new RecordResource<Milestone, MilestoneRow, MilestoneInput>(
            "milestones", "Milestones", RecordType.Milestone,
            (sp, q, ct) => sp.GetRequiredService<ListMilestones>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListMilestones>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditMilestone>()));
        api.MapRecordResource(new RecordResource<Recommendation, RecommendationRow, RecommendationInput>(
            "recommendations", "Recommendations", RecordType.Recommendation,
            (sp, q, ct) => sp.GetRequiredService<ListRecommendations>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListRecommendations>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditRecommendation>()));
        var indicators = api.MapRecordResource(new RecordResource<Indicator, IndicatorListItem, IndicatorInput>(
            "indicators", "Indicators", RecordType.Indicator,
            (sp, q, ct) => sp.GetRequiredService<ListIndicators>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListIndicators>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditIndicator>()));
        indicators.MapGet("/{id:int}/observations", ObservationsAsync)
            .WithName("GetIndicatorObservations")
            .WithSummary("The observations of an indicator")
            .WithDescription("Every observation (value in the indicator's unit, period, source), in period order; observations of one period from different sources are all given.")
            .Produces<ItemsList<ObservationRow>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        indicators.MapPost("/{id:int}/observations", AddObservationAsync)
            .WithName("AddIndicatorObservation")
            .WithSummary("Add an observation to an indicator")
            .WithDescription("A measured value in the indicator's unit, with its period and source. A second value for a period is kept beside the first. 201 with the observation.")
            .Accepts<ObservationInput>("application/json")
            .Produces<ObservationRow>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        api.MapRecordResource(new RecordResource<Source, SourceListItem, SourceInput>(
            "sources", "Sources", RecordType.Source,
            (sp, q, ct) => sp.GetRequiredService<ListSources>().HandleAsync(q, ct),
            (sp, id, ct) => sp.GetRequiredService<ListSources>().GetRowAsync(id, ct),
            sp => sp.GetRequiredService<EditSource>()));
        return app;
    }

    /// <summary>Swagger UI at <see cref="DocsPath"/>: its HTML, scripts and styles come from the application (no CDN, no inline script).</summary>
    public static IApplicationBuilder UsePtrackApiDocs(this IApplicationBuilder app) =>
        app.UseSwaggerUI(options =>
        {
            options.RoutePrefix = DocsPath.TrimStart('/');
            options.SwaggerEndpoint("/openapi/v1.json", "Partnership Tracker API v1");
            options.DocumentTitle = "Partnership Tracker API";

            // Swagger UI's own colours fail WCAG contrast (axe, in the browser tests); this sheet darkens them.
            options.InjectStylesheet("/css/api-docs.css");
        });

    private static async Task<IResult> AddObservationAsync(HttpContext context, int id, AddObservation observations, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadObjectAsync(context.Request, ["application/json"], ct);
        if (problem is not null)
        {
            return problem;
        }

        var (input, bindProblem) = ApiJson.Bind<ObservationInput>(body!);
        if (bindProblem is not null)
        {
            return bindProblem;
        }

        var added = await observations.HandleAsync(id, input!, ct);
        return added.Succeeded
            ? TypedResults.Created($"/api/v1/indicators/{id}/observations", added.Value)
            : ApiResults.Failed(added.Failure!);
    }

    private static async Task<IResult> ObservationsAsync(int id, GetIndicator indicators, CancellationToken ct)
    {
        var result = await indicators.HandleAsync(id, ct);
        return result.Succeeded
            ? TypedResults.Ok(new ItemsList<ObservationRow>(result.Value!.Periods.SelectMany(p => p.Observations).ToList()))
            : ApiResults.Failed(result.Failure!);
    }
}

/// <summary><c>/api/v1/programmes</c>: the programmes (read only here; they are set up by ingest and the example).</summary>
internal static class ProgrammeEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/programmes").WithTags("Programmes");
        group.MapGet("/", async (HttpContext context, ListProgrammes programmes, CancellationToken ct) =>
            {
                var items = await programmes.HandleAsync(ct);
                var etag = "W/\"" + Hash(string.Join(';', items.Select(p => JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(p))!.ToJsonString()))) + "\"";
                context.Response.Headers.ETag = etag;
                return ETags.NoneMatch(context.Request, etag)
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : (IResult)TypedResults.Ok(new ItemsPage<ProgrammeRow>(items, null, items.Count));
            })
            .WithName("ListProgrammes")
            .WithSummary("List programmes")
            .WithDescription("Every programme, by slug. Record lists take ?programme=SLUG when there is more than one.")
            .Produces<ItemsPage<ProgrammeRow>>()
            .Produces(StatusCodes.Status304NotModified);

        group.MapGet("/{key}", async (HttpContext context, string key, ListProgrammes programmes, CancellationToken ct) =>
            {
                var found = await programmes.FindAsync(key, ct);
                if (!found.Succeeded)
                {
                    return ApiResults.Failed(found.Failure!);
                }

                var etag = "\"" + Hash(System.Text.Json.JsonSerializer.Serialize(found.Value)) + "\"";
                context.Response.Headers.ETag = etag;
                return ETags.NoneMatch(context.Request, etag)
                    ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
                    : TypedResults.Ok(found.Value);
            })
            .WithName("GetProgramme")
            .WithSummary("Get one programme")
            .WithDescription("The programme by id or slug (e.g. nato-bih). Programmes have no revision; the ETag is a hash of the representation.")
            .Produces<ProgrammeRow>()
            .Produces(StatusCodes.Status304NotModified)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
