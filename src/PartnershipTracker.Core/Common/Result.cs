namespace PartnershipTracker.Core.Common;

/// <summary>The kinds of expected failure. Each maps once to a problem-details status, a page message and a CLI exit code.</summary>
public enum FailureKind
{
    /// <summary>The input is wrong (bad file, bad field); HTTP 400, CLI exit 2.</summary>
    Invalid,

    /// <summary>A named thing does not exist; HTTP 404, CLI exit 2.</summary>
    NotFound,

    /// <summary>The request clashes with the stored state; HTTP 409, CLI exit 1.</summary>
    Conflict,

    /// <summary>The actor's role does not allow this on a record they may see (a contributor approving); HTTP 403, CLI exit 1.</summary>
    Forbidden,
}

/// <summary>An expected failure: one line for a person, and per-field messages where a field was at fault.</summary>
public sealed record Failure(FailureKind Kind, string Message, IReadOnlyDictionary<string, string[]>? Fields = null)
{
    public static Failure Invalid(string message, string? field = null) =>
        new(FailureKind.Invalid, message, field is null ? null : new Dictionary<string, string[]> { [field] = [message] });

    public static Failure NotFound(string message) => new(FailureKind.NotFound, message);

    public static Failure Conflict(string message) => new(FailureKind.Conflict, message);

    public static Failure Forbidden(string message) => new(FailureKind.Forbidden, message);
}

/// <summary>A value or a <see cref="Failure"/>; handlers return this instead of throwing for expected failures.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Failure? error)
    {
        Value = value;
        Failure = error;
    }

    public T? Value { get; }

    public Failure? Failure { get; }

    public bool Succeeded => Failure is null;

    public static Result<T> Ok(T value) => new(value, null);

    public static Result<T> Fail(Failure error) => new(default, error);

    public static implicit operator Result<T>(Failure error) => Fail(error);

    public static implicit operator Result<T>(T value) => Ok(value);
}
