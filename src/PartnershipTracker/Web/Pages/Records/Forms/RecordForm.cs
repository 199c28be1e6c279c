using System.Globalization;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records.Forms;

/// <summary>Where the choices of a select come from.</summary>
public enum OptionSource
{
    /// <summary>Not a select.</summary>
    None,

    /// <summary>The names of an enum (<see cref="FieldSpec.EnumNames"/>): value the name, text the name as words.</summary>
    Enum,

    /// <summary>The areas of the record's programme: value the id, text the name.</summary>
    Areas,

    /// <summary>The initiatives of the record's programme: value the id, text the name.</summary>
    Initiatives,

    /// <summary>The classification labels, lowest first: value and text the label ("NATO RESTRICTED").</summary>
    Classifications,
}

/// <summary>
/// One field of a record form: its posted name (camelCase, the API JSON name and the key of <c>Failure.Fields</c>),
/// label, kind, and where a select's choices come from. <see cref="WholeNumber"/> fields (ids, credibility) must read
/// as a whole number.
/// </summary>
public sealed record FieldSpec(string Name, string Label, FieldKind Kind)
{
    public bool Required { get; init; }

    public string? Hint { get; init; }

    public OptionSource Options { get; init; }

    public IReadOnlyList<string> EnumNames { get; init; } = [];

    public bool WholeNumber { get; init; }

    /// <summary>The text of a select's empty choice, e.g. "— cross-cutting —".</summary>
    public string EmptyOption { get; init; } = "—";

    /// <summary>A select of the names of <typeparamref name="TEnum"/>.</summary>
    public static FieldSpec Enum<TEnum>(string name, string label, bool required = false, string empty = "—")
        where TEnum : struct, System.Enum =>
        new(name, label, FieldKind.Select) { Options = OptionSource.Enum, EnumNames = System.Enum.GetNames<TEnum>(), Required = required, EmptyOption = empty };

    /// <summary>A date field with the ISO hint.</summary>
    public static FieldSpec Date(string name, string label) =>
        new(name, label, FieldKind.Text) { Hint = "As precisely as known: 2023, 2023-06 or 2023-06-30." };
}

/// <summary>A record's values as its form shows them (by field name), with its revision, programme and title.</summary>
public sealed record StoredValues(IReadOnlyDictionary<string, string?> Values, int Revision, ProgrammeRef Programme, string Title);

/// <summary>
/// The form of one editable record type: its fields, how to read a stored record into form values, and how to
/// create or update one from posted values through the Core <c>EditX</c> handler (validation lives there).
/// </summary>
public abstract class RecordForm
{
    public abstract RecordSection Section { get; }

    public abstract IReadOnlyList<FieldSpec> Fields { get; }

    /// <summary>The stored record as form values; NotFound for an unknown or deleted record.</summary>
    public abstract Task<Result<StoredValues>> LoadAsync(int id, CancellationToken cancellationToken);

    /// <summary>Creates a record in <paramref name="programme"/> (null: the only one) from posted values.</summary>
    public abstract Task<Result<RecordRevision>> CreateAsync(string? programme, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken);

    /// <summary>Replaces record <paramref name="id"/>'s fields with posted values, if it is still at <paramref name="revision"/>.</summary>
    public abstract Task<Result<RecordRevision>> UpdateAsync(int id, int revision, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken);
}

/// <summary>A <see cref="RecordForm"/> over one <c>XInput</c> record: each field gets and sets one input property.</summary>
internal sealed class RecordForm<TInput>(
    RecordSection section,
    IReadOnlyList<(FieldSpec Spec, Func<TInput, string?> Get, Func<TInput, string?, TInput> Set)> fields,
    Func<int, CancellationToken, Task<Result<(TInput Input, int Revision, ProgrammeRef Programme, string Title)>>> load,
    Func<string?, TInput, CancellationToken, Task<Result<RecordRevision>>> create,
    Func<int, int, TInput, CancellationToken, Task<Result<RecordRevision>>> update,
    Func<int, CancellationToken, Task<RecordMarking?>>? loadMarking = null) : RecordForm
    where TInput : class, new()
{
    public override RecordSection Section => section;

    public override IReadOnlyList<FieldSpec> Fields { get; } = fields.Select(f => f.Spec).ToList();

    public override async Task<Result<StoredValues>> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var found = await load(id, cancellationToken);
        if (!found.Succeeded)
        {
            return found.Failure!;
        }

        var (input, revision, programme, title) = found.Value;
        var values = fields.ToDictionary(f => f.Spec.Name, f => f.Get(input), StringComparer.Ordinal);
        if (loadMarking is not null && await loadMarking(id, cancellationToken) is { } marking)
        {
            values["classification"] = Markings.Label(marking.Classification);
            values["releasableTo"] = string.Join(", ", Markings.ReleasableToEntries(marking.ReleasableTo));
        }

        return new StoredValues(values, revision, programme, title);
    }

    public override async Task<Result<RecordRevision>> CreateAsync(string? programme, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var input = Read(values, out var failure);
        return failure ?? await create(programme, input, cancellationToken);
    }

    public override async Task<Result<RecordRevision>> UpdateAsync(int id, int revision, IReadOnlyDictionary<string, string?> values, CancellationToken cancellationToken)
    {
        var input = Read(values, out var failure);
        return failure ?? await update(id, revision, input, cancellationToken);
    }

    /// <summary>The input from posted values; a Failure naming each integer field whose text is not a whole number.</summary>
    private TInput Read(IReadOnlyDictionary<string, string?> values, out Failure? failure)
    {
        var input = new TInput();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (spec, _, set) in fields)
        {
            var text = values.GetValueOrDefault(spec.Name)?.Trim();
            if (spec.WholeNumber && !string.IsNullOrEmpty(text) && !int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                errors[spec.Name] = [$"{spec.Name} must be a whole number (not '{(text.Length > 40 ? text[..40] + "…" : text)}')"];
                continue;
            }

            input = set(input, string.IsNullOrEmpty(text) ? null : text);
        }

        failure = errors.Count == 0 ? null : new Failure(FailureKind.Invalid, $"the {section.Singular} is not valid: {string.Join("; ", errors.Values.SelectMany(v => v))}", errors);
        return input;
    }
}
