using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PartnershipTracker.Tests.Api;

/// <summary>One API response: status, headers and the JSON body (default when there is none).</summary>
public sealed record ApiResponse(HttpStatusCode Status, string? ContentType, string? ETag, string? Location, JsonElement Body, string Text)
{
    public int Code => (int)Status;

    /// <summary>The field messages of a problem (<c>errors.FIELD</c>), or none.</summary>
    public string[] Errors(string field) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToArray()
            : [];
}

/// <summary>Calls the API of a <see cref="Web.WebAppFixture"/>'s application as a script would.</summary>
public static class ApiCalls
{
    public static async Task<ApiResponse> SendAsync(
        this HttpClient client, HttpMethod method, string path, string? json = null, string? ifMatch = null, string contentType = "application/json")
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length > 0 && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return new ApiResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType, response.Headers.ETag?.ToString(),
            response.Headers.Location?.ToString(), body, text);
    }

    public static Task<ApiResponse> GetJsonAsync(this HttpClient client, string path) => client.SendAsync(HttpMethod.Get, path);
}
