namespace PartnershipTracker.Cli;

/// <summary>Exit codes of every verb (PRODUCT.md C8).</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Something failed that was not the user's input (a database that cannot be opened, a bug).</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or bad input: unknown option, missing file, unreadable document, unknown programme.</summary>
    public const int BadInput = 2;
}
