using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PartnershipTracker.Core.Features.Records.Listing;

/// <summary>
/// The position after the last record of a page: the sort field and direction it was made for, that record's
/// sort key as text (null when the record has no value for it) and its id. Written as base64url of its JSON
/// followed by four check bytes (the start of its SHA-256), so that an edited or truncated cursor is refused
/// rather than read as another position. It is not secret and not signed: it only names a place in a list.
/// </summary>
internal sealed record RecordCursor(
    [property: JsonPropertyName("s")] string Sort,
    [property: JsonPropertyName("d")] bool Descending,
    [property: JsonPropertyName("k")] string? Key,
    [property: JsonPropertyName("i")] int Id)
{
    private const int CheckBytes = 4;

    /// <summary>Longest cursor read: 2,048 characters (a sort key is at most a title of 500).</summary>
    private const int MaxLength = 2048;

    public string Write()
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(this);
        var bytes = new byte[json.Length + CheckBytes];
        json.CopyTo(bytes, 0);
        SHA256.HashData(json).AsSpan(0, CheckBytes).CopyTo(bytes.AsSpan(json.Length));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>The cursor <paramref name="text"/> holds, or null when it is not one this code wrote.</summary>
    public static RecordCursor? Read(string text)
    {
        if (text.Length > MaxLength || !Base64Url.IsValid(text))
        {
            return null;
        }

        var bytes = Base64Url.DecodeFromChars(text);
        if (bytes.Length <= CheckBytes)
        {
            return null;
        }

        var json = bytes.AsSpan(0, bytes.Length - CheckBytes);
        if (!SHA256.HashData(json).AsSpan(0, CheckBytes).SequenceEqual(bytes.AsSpan(bytes.Length - CheckBytes)))
        {
            return null;
        }

        try
        {
            var cursor = JsonSerializer.Deserialize<RecordCursor>(json);
            return cursor is { Sort: not null } ? cursor : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
