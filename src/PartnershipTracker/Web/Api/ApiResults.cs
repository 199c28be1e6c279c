using Microsoft.AspNetCore.Mvc;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Api;

/// <summary>
/// RFC 9457 problem details for the API (<c>application/problem+json</c>): <c>status</c>, <c>title</c>, <c>detail</c>
/// for people, and where fields or headers are at fault, <c>errors</c> by name. Handler failures go through
/// <see cref="FailureResults.ToProblem"/>, the one mapping of <see cref="Failure"/>.
/// </summary>
internal static class ApiResults
{
    public static IResult Problem(int status, string title, string detail, params (string Key, object? Value)[] extensions) =>
        TypedResults.Problem(detail, statusCode: status, title: title,
            extensions: extensions.Length == 0 ? null : extensions.ToDictionary(e => e.Key, e => e.Value));

    /// <summary>400 with <c>errors: {field: [message]}</c>.</summary>
    public static IResult Invalid(string message, string field) =>
        TypedResults.Problem(message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });

    public static IResult Failed(Failure failure) => failure.ToProblem();

    /// <summary>412: the record is no longer at the revision If-Match named; the response's ETag is the current one.</summary>
    public static IResult Stale(HttpContext context, string noun, int id, int expected, int current)
    {
        context.Response.Headers.ETag = ETags.Of(current);
        return Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed",
            $"{noun} {id} is at revision {current}, not {expected}: someone changed it since; GET it again (ETag {ETags.Of(current)}) and retry.",
            ("header", "If-Match"), ("currentRevision", current));
    }

    /// <summary>The title of a status the API answers without a body of its own (404 of an unknown address, 405, ...).</summary>
    public static string TitleOf(int status) => status switch
    {
        StatusCodes.Status400BadRequest => "Bad request",
        StatusCodes.Status401Unauthorized => "Not signed in",
        StatusCodes.Status403Forbidden => "Forbidden",
        StatusCodes.Status404NotFound => "Not found",
        StatusCodes.Status405MethodNotAllowed => "Method not allowed",
        StatusCodes.Status406NotAcceptable => "Not acceptable",
        StatusCodes.Status413PayloadTooLarge => "Body too large",
        StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
        StatusCodes.Status429TooManyRequests => "Too many requests",
        >= 500 => "Internal error",
        _ => "Error",
    };
}

/// <summary>
/// Under <c>/api</c> every error is problem details, never the HTML error page: a status set without a body (an
/// unknown address's 404, a wrong method's 405) gets one here, and an unexpected exception is logged and answered
/// 500 without internals.
/// </summary>
internal static class ApiProblemsMiddleware
{
    public static IApplicationBuilder UseApiProblems(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
                || context.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
            {
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("PartnershipTracker.Web.Api")
                    .LogError(e, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            }

            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0
                && context.Response.ContentType is null)
            {
                var status = context.Response.StatusCode;
                var detail = status switch
                {
                    StatusCodes.Status404NotFound => $"There is no API resource at {context.Request.Path}. The resources are listed in /openapi/v1.json.",
                    StatusCodes.Status415UnsupportedMediaType => $"The body must be JSON (Content-Type: application/json; application/merge-patch+json for PATCH), not {context.Request.ContentType ?? "without a Content-Type"}.",
                    StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}; allowed: {context.Response.Headers.Allow}.",
                    StatusCodes.Status401Unauthorized => "Send an API token as 'Authorization: Bearer ptk_…' (create one at /account/tokens). A browser session may only read; changes need a token.",
                    StatusCodes.Status403Forbidden => "Your role does not allow this request.",
                    >= 500 => "The server could not complete the request. The problem has been logged.",
                    _ => ApiResults.TitleOf(status),
                };
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails { Status = status, Title = ApiResults.TitleOf(status), Detail = detail },
                });
            }
        });
}
