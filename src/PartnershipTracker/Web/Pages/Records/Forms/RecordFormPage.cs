using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records.Forms;

/// <summary>
/// What the create and edit pages share: the type from the address, the form's fields with their values,
/// choices and messages, and the answer to a refused save (422 with the messages next to the fields).
/// </summary>
public abstract class RecordFormPage(RecordFormCatalog catalog, ListAreas areas, ListInitiatives initiatives) : PageModel
{
    public RecordSection Section { get; private set; } = null!;

    public IReadOnlyList<FormField> Fields { get; private set; } = [];

    /// <summary>The message over the form when a save was refused: the handler's sentence.</summary>
    public string? Message { get; private set; }

    /// <summary>The messages of fields the form does not show (none expected), listed over the form.</summary>
    public IReadOnlyList<string> OtherErrors { get; private set; } = [];

    protected RecordForm Form { get; private set; } = null!;

    /// <summary>Finds the form of the section in the address; false (and a 404) when there is none.</summary>
    protected bool TryUse(string section)
    {
        var found = RecordSections.FromPath(section);
        var form = found is null ? null : catalog.For(found.Type);
        if (found is null || form is null)
        {
            return false;
        }

        (Section, Form) = (found, form);
        return true;
    }

    /// <summary>The posted values of the form's fields, by field name.</summary>
    protected IReadOnlyDictionary<string, string?> Posted() =>
        Form.Fields.ToDictionary(f => f.Name, f => Request.HasFormContentType ? (string?)Request.Form[f.Name].ToString() : null, StringComparer.Ordinal);

    /// <summary>Fills <see cref="Fields"/> from <paramref name="values"/> and <paramref name="errors"/>, with the choices of <paramref name="programme"/>.</summary>
    protected async Task ShowAsync(IReadOnlyDictionary<string, string?> values, IReadOnlyDictionary<string, string[]>? errors, string? programme, CancellationToken cancellationToken)
    {
        IReadOnlyList<FieldOption>? areaOptions = null;
        IReadOnlyList<FieldOption>? initiativeOptions = null;
        if (Form.Fields.Any(f => f.Options == OptionSource.Areas))
        {
            var list = await areas.HandleAsync(programme, cancellationToken);
            areaOptions = list.Succeeded ? list.Value!.Items.Select(a => new FieldOption(Id(a.Id), a.Name)).ToList() : [];
        }

        if (Form.Fields.Any(f => f.Options == OptionSource.Initiatives))
        {
            var list = await initiatives.HandleAsync(programme, cancellationToken);
            initiativeOptions = list.Succeeded ? list.Value!.Items.Select(i => new FieldOption(Id(i.Id), i.Name)).ToList() : [];
        }

        Fields = Form.Fields.Select(spec => new FormField(spec.Name, spec.Label, spec.Kind, values.GetValueOrDefault(spec.Name))
        {
            Required = spec.Required,
            Hint = spec.Hint,
            EmptyOption = spec.EmptyOption,
            Errors = errors?.GetValueOrDefault(spec.Name) ?? [],
            Options = spec.Options switch
            {
                OptionSource.Enum => spec.EnumNames.Select(n => new FieldOption(n, Words(n))).ToList(),
                OptionSource.Areas => areaOptions!,
                OptionSource.Initiatives => initiativeOptions!,
                OptionSource.Classifications => Domain.Markings.All.Select(c => new FieldOption(Domain.Markings.Label(c), Domain.Markings.Label(c))).ToList(),
                _ => [],
            },
        }).ToList();
        OtherErrors = errors is null ? [] : errors.Where(e => Form.Fields.All(f => f.Name != e.Key)).SelectMany(e => e.Value).ToList();
    }

    /// <summary>A refused save: 422 with each field's messages next to it, or the failure's own status when no field is at fault.</summary>
    protected async Task<IActionResult> RefusedAsync(Failure failure, IReadOnlyDictionary<string, string?> values, string? programme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(failure);
        if (failure.Kind != FailureKind.Invalid || failure.Fields is null || failure.Fields.Count == 0)
        {
            return this.Failed(failure);
        }

        Message = failure.Message;
        await ShowAsync(values, failure.Fields, programme, cancellationToken);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>The text a select shows for a stored value: the option's text, or the value itself.</summary>
    protected string Shown(FieldSpec spec, string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : Fields.FirstOrDefault(f => f.Name == spec.Name)?.Options.FirstOrDefault(o => o.Value == value)?.Text ?? value;

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An enum name as words with a capital: "InProgress" → "In progress".</summary>
    private static string Words(string name)
    {
        var text = new System.Text.StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(name[i]));
            }
            else
            {
                text.Append(name[i]);
            }
        }

        return text.ToString();
    }
}
