namespace PartnershipTracker.Web.Infrastructure;

/// <summary>How a form field is entered.</summary>
public enum FieldKind
{
    /// <summary>One line of text (<c>&lt;input type="text"&gt;</c>).</summary>
    Text,

    /// <summary>Several lines of text (<c>&lt;textarea&gt;</c>).</summary>
    TextArea,

    /// <summary>One of a list (<c>&lt;select&gt;</c>); see <see cref="FormField.Options"/>.</summary>
    Select,

    /// <summary>A number (<c>&lt;input inputmode="decimal"&gt;</c>; read as text so that a wrong entry comes back with a message).</summary>
    Number,
}

/// <summary>One choice of a select: the value posted and the text shown.</summary>
public sealed record FieldOption(string Value, string Text);

/// <summary>
/// One labelled field of a record form, as the <c>_Field</c> partial renders it: the label (<c>for</c> the input's
/// id), the input, an optional hint, and the field's messages next to it, tied to the input by
/// <c>aria-describedby</c> with <c>aria-invalid="true"</c>. <see cref="Name"/> is the posted name, camelCase as in
/// the API's JSON and in <c>Failure.Fields</c> ("name", "status", "areaId").
/// </summary>
public sealed record FormField(string Name, string Label, FieldKind Kind, string? Value)
{
    /// <summary>The messages for this field; none when it is fine.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>The choices of a <see cref="FieldKind.Select"/>, in order.</summary>
    public IReadOnlyList<FieldOption> Options { get; init; } = [];

    /// <summary>What to enter, shown under the label (e.g. "2023, 2023-06 or 2023-06-30").</summary>
    public string? Hint { get; init; }

    /// <summary>A value is needed; a select then has no empty choice.</summary>
    public bool Required { get; init; }

    /// <summary>The text of the empty choice of an optional select ("— none —").</summary>
    public string EmptyOption { get; init; } = "—";

    public string Id => "field-" + Name;

    public string HintId => Id + "-hint";

    public string ErrorId => Id + "-error";

    /// <summary>The ids the input is described by: its hint and its error message, when there are.</summary>
    public string? DescribedBy =>
        string.Join(' ', new[] { Hint is null ? null : HintId, Errors.Count == 0 ? null : ErrorId }.Where(x => x is not null)) is { Length: > 0 } ids ? ids : null;
}

/// <summary>One field of the conflict view: the value you saved and the value stored by someone else.</summary>
public sealed record ConflictRow(string Label, string Mine, string Theirs)
{
    /// <summary>The two differ; the row is marked.</summary>
    public bool Differs => !string.Equals(Mine, Theirs, StringComparison.Ordinal);
}

/// <summary>
/// What the <c>_Conflict</c> partial shows when a save was made from an older revision than the stored one
/// (HTTP 409): both versions side by side with the differing fields marked; "Keep mine" posts
/// <see cref="MyValues"/> again to <see cref="Action"/> at <see cref="StoredRevision"/>; "Take theirs" opens
/// <see cref="TheirsLink"/> (the edit form with the stored values).
/// </summary>
public sealed record ConflictView(
    string Noun, int YourRevision, int StoredRevision, IReadOnlyList<ConflictRow> Rows,
    IReadOnlyList<KeyValuePair<string, string>> MyValues, string Action, string TheirsLink);
