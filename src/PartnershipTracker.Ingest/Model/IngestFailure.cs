namespace PartnershipTracker.Ingest.Model;

/// <summary>Why a document could not be read. Expected failures are values, not exceptions.</summary>
public enum IngestFailureKind
{
    Empty,
    Binary,
    UnknownFormat,
    TooLarge,
    Unreadable,
}

/// <summary>A one-line, user-facing reason a document was refused.</summary>
public sealed record IngestFailure(IngestFailureKind Kind, string Message);

/// <summary>Either a parsed document or the reason there is none.</summary>
public sealed record IngestResult(ParsedDocument? Document, IngestFailure? Failure)
{
    public bool Succeeded => Document is not null;

    public static IngestResult Ok(ParsedDocument document) => new(document, null);

    public static IngestResult Fail(IngestFailureKind kind, string message) => new(null, new IngestFailure(kind, message));
}
