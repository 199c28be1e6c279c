namespace PartnershipTracker.Ingest.Model;

/// <summary>Why a document could not be read. Expected failures are values, not exceptions.</summary>
public enum IngestFailureKind
{
    /// <summary>No bytes, or nothing but whitespace (and a byte-order mark) once decoded.</summary>
    Empty,

    /// <summary>A NUL byte, or more than 10% control characters, in the first 8 KiB.</summary>
    Binary,

    /// <summary>A format with no reader yet (PDF, ZIP-based Office files, images) or an unsupported file extension.</summary>
    UnknownFormat,

    /// <summary>
    /// More bytes than <see cref="IngestOptions.MaxFileBytes"/>, more PDF pages than <see cref="IngestOptions.MaxPages"/>,
    /// or a line longer than <see cref="IngestOptions.MaxLineLength"/>.
    /// </summary>
    TooLarge,

    /// <summary>The format is known but the document could not be read (e.g. a damaged PDF).</summary>
    Unreadable,

    /// <summary>Reading took longer than <see cref="IngestOptions.MaxProcessingTime"/>.</summary>
    TimedOut,
}

/// <summary>A one-line, user-facing reason a document was refused.</summary>
public sealed record IngestFailure(IngestFailureKind Kind, string Message)
{
    /// <summary>A line of the stored text over <see cref="IngestOptions.MaxLineLength"/>: which one, how long, and the limit.</summary>
    internal static IngestFailure LineTooLong(string name, int line, long length, IngestOptions options) => new(
        IngestFailureKind.TooLarge,
        $"{name}: line {line} is {length:N0} characters long, over the limit of {options.MaxLineLength:N0} characters (Ingest:MaxLineLength)");
}

/// <summary>Either a parsed document or the reason there is none.</summary>
public sealed record IngestResult(ParsedDocument? Document, IngestFailure? Failure)
{
    /// <summary>True when <see cref="Document"/> is set (and <see cref="Failure"/> is null).</summary>
    public bool Succeeded => Document is not null;

    public static IngestResult Ok(ParsedDocument document) => new(document, null);

    public static IngestResult Fail(IngestFailureKind kind, string message) => new(null, new IngestFailure(kind, message));
}
