using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records.Forms;

/// <summary>
/// What the <c>_RecordForm</c> partial renders: the fields, the hidden <c>revision</c> (edit) or <c>programme</c>
/// (create), the refusal message over the form, and where "Cancel" goes.
/// </summary>
public sealed record RecordFormView(
    RecordSection Section, IReadOnlyList<FormField> Fields, int? Revision, string? Programme, string? Message, IReadOnlyList<string> OtherErrors, string CancelLink);
