using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Net.Http.Headers;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Web.Api;

/// <summary>
/// JSON as the API writes and reads it: camelCase names, enums as their names, partial dates as ISO text
/// (<c>2023</c>, <c>2023-05</c>, <c>2023-05-17</c>). Request bodies are read here rather than by parameter binding so
/// that a wrong content type is a 415 and a malformed body a 400 naming the field or position, both as problem details.
/// Unknown fields in a body are ignored, so that a record read with GET can be sent back with PUT.
/// </summary>
internal static class ApiJson
{
    /// <summary>The largest body read: 1 MiB (a record is a few kilobytes).</summary>
    public const long MaxBodyBytes = 1 << 20;

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;

        // Numbers are numbers: "3" for an id is a 400, not quietly read.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Add(new JsonStringEnumConverter());
        options.Converters.Add(new PartialDateJsonConverter());
    }

    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// The body as a JSON object, sent as one of <paramref name="contentTypes"/>. Failures are
    /// problem results: 415 for another content type, 413 above <see cref="MaxBodyBytes"/>, 400 for malformed JSON
    /// (with line and position) or a value of the wrong type (under <c>errors</c>, by field).
    /// </summary>
    public static async Task<(JsonObject? Body, IResult? Problem)> ReadObjectAsync(HttpRequest request, string[] contentTypes, CancellationToken cancellationToken)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !contentTypes.Any(t => string.Equals(mediaType.MediaType.Value, t, StringComparison.OrdinalIgnoreCase)))
        {
            return (null, ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                $"The body must be {string.Join(" or ", contentTypes)}{(request.ContentType is null ? "; the request has no Content-Type" : $", not {request.ContentType}")}."));
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is larger than {MaxBodyBytes} bytes."));
        }

        JsonNode? node;
        try
        {
            using var buffer = new MemoryStream();
            await CopyLimitedAsync(request.Body, buffer, cancellationToken);
            buffer.Position = 0;
            node = await JsonNode.ParseAsync(buffer, cancellationToken: cancellationToken);
        }
        catch (JsonException e)
        {
            return (null, ApiResults.Problem(StatusCodes.Status400BadRequest, "Malformed JSON",
                $"The body is not valid JSON (line {(e.LineNumber ?? 0) + 1}, byte {(e.BytePositionInLine ?? 0) + 1})."));
        }
        catch (InvalidDataException)
        {
            return (null, ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is larger than {MaxBodyBytes} bytes."));
        }

        if (node is not JsonObject body)
        {
            return (null, ApiResults.Problem(StatusCodes.Status400BadRequest, "Invalid request",
                $"The body must be a JSON object, not {Describe(node)}."));
        }

        return (body, null);
    }

    /// <summary><paramref name="body"/> as <typeparamref name="T"/>; a value of the wrong type is a 400 naming its field.</summary>
    public static (T? Value, IResult? Problem) Bind<T>(JsonObject body)
        where T : class
    {
        try
        {
            var value = body.Deserialize<T>(Options);
            return value is null
                ? (null, ApiResults.Problem(StatusCodes.Status400BadRequest, "Invalid request", "The body must be a JSON object."))
                : (value, null);
        }
        catch (JsonException e)
        {
            var field = FieldOf(e.Path);
            var message = $"{field} has a value of the wrong type or out of range (see the schema in /openapi/v1.json)";
            return (null, ApiResults.Invalid(message, field));
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a string holding half of a surrogate pair ("\ud800") when it reads it as text.
            return (null, ApiResults.Problem(StatusCodes.Status400BadRequest, "Invalid request",
                "A string in the body is not valid Unicode text (an unpaired surrogate such as \\ud800)."));
        }
    }

    /// <summary>Applies an RFC 7396 merge patch: members of <paramref name="patch"/> replace those of <paramref name="target"/>, null removes, objects merge.</summary>
    public static JsonObject MergePatch(JsonObject target, JsonObject patch)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(patch);
        foreach (var (name, value) in patch)
        {
            if (value is null)
            {
                target.Remove(name);
            }
            else if (value is JsonObject patchObject && target[name] is JsonObject targetObject)
            {
                MergePatch(targetObject, patchObject);
            }
            else
            {
                target[name] = value.DeepClone();
            }
        }

        return target;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }

    private static async Task CopyLimitedAsync(Stream from, Stream to, CancellationToken cancellationToken)
    {
        var buffer = new byte[16384];
        long total = 0;
        int read;
        while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBodyBytes)
            {
                throw new InvalidDataException("body too large");
            }

            await to.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
    }

    /// <summary>"$.areaId" → "areaId"; the body itself → "body".</summary>
    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return "body";
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        name = name.Trim('[', ']', '\'');
        var end = name.IndexOfAny(['.', '[']);
        return end > 0 ? name[..end] : name;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "true or false",
        },
        _ => "that",
    };
}

/// <summary>A <see cref="PartialDate"/> as its ISO text in JSON; other text is refused (a 400 naming the field).</summary>
internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && PartialDate.TryParseIso(reader.GetString(), out var date)
            ? date
            : throw new JsonException("expected a date as yyyy, yyyy-MM or yyyy-MM-dd");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}

/// <summary>ETags and preconditions: a record's ETag is its revision, strong (<c>"7"</c>); a list's is weak.</summary>
internal static class ETags
{
    public static string Of(int revision) => "\"" + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    /// <summary>
    /// The revision an <c>If-Match</c> names: null with <paramref name="problem"/> 428 when there is none, 400 when
    /// it is not one ETag of this API (<c>"7"</c>; a weak or <c>*</c> tag does not name a revision).
    /// </summary>
    public static int? ExpectedRevision(HttpRequest request, out IResult? problem)
    {
        problem = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0)
        {
            problem = ApiResults.Problem(StatusCodes.Status428PreconditionRequired, "Precondition required",
                "This request changes a record, so it needs an If-Match header with the record's ETag (its revision, e.g. \"3\"), as GET gave it.",
                ("header", "If-Match"));
            return null;
        }

        if (header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && int.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var revision))
        {
            return revision;
        }

        problem = ApiResults.Invalid($"If-Match must be one ETag as GET gave it, e.g. \"3\" (not {header})", "If-Match");
        return null;
    }

    /// <summary>True when <c>If-None-Match</c> names <paramref name="etag"/> (weak comparison, RFC 9110 13.1.2).</summary>
    public static bool NoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch.ToString();
        if (header.Length == 0)
        {
            return false;
        }

        static string Opaque(string tag) => tag.Trim().StartsWith("W/", StringComparison.Ordinal) ? tag.Trim()[2..] : tag.Trim();
        return header.Trim() == "*" || header.Split(',').Any(tag => Opaque(tag) == Opaque(etag));
    }
}
