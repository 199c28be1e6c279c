using System.Globalization;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Domain;
using PartnershipTracker.Web.Infrastructure;

namespace PartnershipTracker.Web.Pages.Records.Forms;

/// <summary>
/// The form of each editable record type: fields in the order a person fills them, labels as the detail pages
/// use them, read from the type's <c>GetX</c> handler and saved through its <c>EditX</c> handler. Handlers are
/// resolved from the request's services only for the type asked for.
/// </summary>
public sealed class RecordFormCatalog(IServiceProvider services)
{
    /// <summary>The form of <paramref name="type"/>; null for a type without one.</summary>
    public RecordForm? For(RecordType type) => type switch
    {
        RecordType.Area => Area(),
        RecordType.Achievement => Achievement(),
        RecordType.Challenge => Challenge(),
        RecordType.Initiative => Initiative(),
        RecordType.Milestone => Milestone(),
        RecordType.Recommendation => Recommendation(),
        RecordType.Indicator => Indicator(),
        RecordType.Source => Source(),
        _ => null,
    };

    private static readonly FieldSpec AreaField = new("areaId", "Area", FieldKind.Select) { Options = OptionSource.Areas, WholeNumber = true, EmptyOption = "— cross-cutting (no area) —" };

    /// <summary>The Classification select and the Releasable To text field every record form ends with (docs/adr/0016-markings.md).</summary>
    private static (FieldSpec Spec, Func<T, string?> Get, Func<T, string?, T> Set)[] MarkingFieldsOf<T>(Func<T, string?, T> setClassification, Func<T, IReadOnlyList<string>?, T> setReleasableTo)
        where T : IMarkedInput =>
    [
        (ClassificationField, i => i.Classification, setClassification),
        (ReleasableToField, i => i.ReleasableTo is null ? null : string.Join(", ", i.ReleasableTo), (i, v) => setReleasableTo(i, MarkingFields.SplitEntries(v))),
    ];

    private static readonly FieldSpec ClassificationField = new("classification", "Classification", FieldKind.Select)
    {
        Options = OptionSource.Classifications,
        EmptyOption = "— the default —",
        Hint = "The record's marking. You cannot mark a record above your clearance.",
    };

    private static readonly FieldSpec ReleasableToField = new("releasableTo", "Releasable To", FieldKind.Text)
    {
        Hint = "Nations (ISO 3166 alpha-3, e.g. BIH) or organisations (e.g. NATO), separated by commas; empty for no restriction.",
    };

    /// <summary>Reads the stored marking of a record of <paramref name="type"/> for its edit form.</summary>
    private Func<int, CancellationToken, Task<RecordMarking?>> MarkingOf(RecordType type) => async (id, ct) =>
        await EditableRecords.FindAsync(Get<PtrackDbContext>(), type, id, includeDeleted: false, ct) is { } record ? RecordMarking.Of(record) : null;

    private T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    private static RecordSection Section(RecordType type) => RecordSections.Of(type)!;

    private static int? Id(string? text) => text is null ? null : int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static Result<(TInput, int, ProgrammeRef, string)> Loaded<TDetail, TInput>(Result<TDetail> found, Func<TDetail, (TInput, int, ProgrammeRef, string)> read) =>
        found.Succeeded ? read(found.Value!) : found.Failure!;

    private RecordForm<AreaInput> Area()
    {
        var edit = Get<EditArea>();
        var get = Get<GetArea>();
        return new RecordForm<AreaInput>(
            Section(RecordType.Area),
            [
                (new FieldSpec("name", "Name", FieldKind.Text) { Required = true }, i => i.Name, (i, v) => i with { Name = v }),
                (FieldSpec.Enum<MapChapter>("chapter", "MAP chapter"), i => i.Chapter, (i, v) => i with { Chapter = v }),
                (new FieldSpec("description", "Description", FieldKind.TextArea), i => i.Description, (i, v) => i with { Description = v }),
                .. MarkingFieldsOf<AreaInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new AreaInput { Name = d.Name, Chapter = d.Chapter?.ToString(), Description = d.Description }, d.Revision, d.Programme, d.Name)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Area));
    }

    private RecordForm<AchievementInput> Achievement()
    {
        var edit = Get<EditAchievement>();
        var get = Get<GetAchievement>();
        return new RecordForm<AchievementInput>(
            Section(RecordType.Achievement),
            [
                (new FieldSpec("title", "Title", FieldKind.TextArea) { Required = true }, i => i.Title, (i, v) => i with { Title = v }),
                (AreaField, i => Text(i.AreaId), (i, v) => i with { AreaId = Id(v) }),
                (FieldSpec.Date("date", "Date"), i => i.Date, (i, v) => i with { Date = v }),
                .. MarkingFieldsOf<AchievementInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new AchievementInput { Title = d.Achievement.Title, AreaId = d.Achievement.AreaId, Date = d.Achievement.Date?.ToString() }, d.Achievement.Revision, d.Programme, d.Achievement.Title)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Achievement));
    }

    private RecordForm<ChallengeInput> Challenge()
    {
        var edit = Get<EditChallenge>();
        var get = Get<GetChallenge>();
        return new RecordForm<ChallengeInput>(
            Section(RecordType.Challenge),
            [
                (new FieldSpec("title", "Title", FieldKind.TextArea) { Required = true }, i => i.Title, (i, v) => i with { Title = v }),
                (AreaField, i => Text(i.AreaId), (i, v) => i with { AreaId = Id(v) }),
                (new FieldSpec("impact", "Impact", FieldKind.TextArea), i => i.Impact, (i, v) => i with { Impact = v }),
                (FieldSpec.Enum<Severity>("severity", "Severity"), i => i.Severity, (i, v) => i with { Severity = v }),
                (FieldSpec.Enum<ChallengeStatus>("status", "Status"), i => i.Status, (i, v) => i with { Status = v }),
                (new FieldSpec("owner", "Who can unblock it", FieldKind.Text), i => i.Owner, (i, v) => i with { Owner = v }),
                .. MarkingFieldsOf<ChallengeInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new ChallengeInput
            {
                Title = d.Challenge.Title,
                AreaId = d.Challenge.AreaId,
                Impact = d.Challenge.Impact,
                Severity = d.Challenge.Severity.ToString(),
                Status = d.Challenge.Status.ToString(),
                Owner = d.Challenge.Owner,
            }, d.Challenge.Revision, d.Programme, d.Challenge.Title)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Challenge));
    }

    private RecordForm<InitiativeInput> Initiative()
    {
        var edit = Get<EditInitiative>();
        var get = Get<GetInitiative>();
        return new RecordForm<InitiativeInput>(
            Section(RecordType.Initiative),
            [
                (new FieldSpec("name", "Name", FieldKind.Text) { Required = true }, i => i.Name, (i, v) => i with { Name = v }),
                (AreaField, i => Text(i.AreaId), (i, v) => i with { AreaId = Id(v) }),
                (new FieldSpec("focusArea", "Focus area as the source wrote it", FieldKind.Text), i => i.FocusArea, (i, v) => i with { FocusArea = v }),
                (FieldSpec.Enum<InitiativeStatus>("status", "Status", empty: "— not recognised —"), i => i.Status, (i, v) => i with { Status = v }),
                (new FieldSpec("statusLabel", "Label in source", FieldKind.Text) { Hint = "The status as the source wrote it, e.g. “Launched 2023”." }, i => i.StatusLabel, (i, v) => i with { StatusLabel = v }),
                (FieldSpec.Date("start", "Since"), i => i.Start, (i, v) => i with { Start = v }),
                (FieldSpec.Date("end", "Until"), i => i.End, (i, v) => i with { End = v }),
                (new FieldSpec("leadInstitution", "Lead institution", FieldKind.Text), i => i.LeadInstitution, (i, v) => i with { LeadInstitution = v }),
                .. MarkingFieldsOf<InitiativeInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new InitiativeInput
            {
                Name = d.Initiative.Name,
                AreaId = d.Initiative.AreaId,
                FocusArea = d.Initiative.FocusArea,
                Status = d.Initiative.Status?.ToString(),
                StatusLabel = d.Initiative.StatusLabel,
                Start = d.Initiative.Start?.ToString(),
                End = d.Initiative.End?.ToString(),
                LeadInstitution = d.Initiative.LeadInstitution,
            }, d.Initiative.Revision, d.Programme, d.Initiative.Name)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Initiative));
    }

    private RecordForm<MilestoneInput> Milestone()
    {
        var edit = Get<EditMilestone>();
        var get = Get<GetMilestone>();
        return new RecordForm<MilestoneInput>(
            Section(RecordType.Milestone),
            [
                (new FieldSpec("title", "Title", FieldKind.Text) { Required = true }, i => i.Title, (i, v) => i with { Title = v }),
                (new FieldSpec("initiativeId", "Initiative", FieldKind.Select) { Options = OptionSource.Initiatives, WholeNumber = true, EmptyOption = "— the programme as a whole —" }, i => Text(i.InitiativeId), (i, v) => i with { InitiativeId = Id(v) }),
                (new FieldSpec("description", "Description", FieldKind.TextArea), i => i.Description, (i, v) => i with { Description = v }),
                (FieldSpec.Date("date", "Date"), i => i.Date, (i, v) => i with { Date = v }),
                (new FieldSpec("dateText", "Date as the source wrote it", FieldKind.Text), i => i.DateText, (i, v) => i with { DateText = v }),
                (FieldSpec.Enum<MilestoneStatus>("status", "Status", required: true), i => i.Status, (i, v) => i with { Status = v }),
                (new FieldSpec("confidence", "Confidence", FieldKind.Text), i => i.Confidence, (i, v) => i with { Confidence = v }),
                .. MarkingFieldsOf<MilestoneInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new MilestoneInput
            {
                Title = d.Milestone.Title,
                InitiativeId = d.InitiativeId,
                Description = d.Milestone.Description,
                Date = d.Milestone.Date?.ToString(),
                DateText = d.Milestone.DateText,
                Status = d.Milestone.Status.ToString(),
                Confidence = d.Milestone.Confidence,
            }, d.Milestone.Revision, d.Programme, d.Milestone.Title)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Milestone));
    }

    private RecordForm<RecommendationInput> Recommendation()
    {
        var edit = Get<EditRecommendation>();
        var get = Get<GetRecommendation>();
        return new RecordForm<RecommendationInput>(
            Section(RecordType.Recommendation),
            [
                (new FieldSpec("strategicAction", "Strategic action", FieldKind.TextArea) { Required = true }, i => i.StrategicAction, (i, v) => i with { StrategicAction = v }),
                (AreaField, i => Text(i.AreaId), (i, v) => i with { AreaId = Id(v) }),
                (new FieldSpec("focusArea", "Focus area as the source wrote it", FieldKind.Text), i => i.FocusArea, (i, v) => i with { FocusArea = v }),
                (new FieldSpec("expectedOutcome", "Expected outcome", FieldKind.TextArea), i => i.ExpectedOutcome, (i, v) => i with { ExpectedOutcome = v }),
                (new FieldSpec("issuedBy", "Issued by", FieldKind.Text), i => i.IssuedBy, (i, v) => i with { IssuedBy = v }),
                (new FieldSpec("cycle", "Cycle", FieldKind.Text) { Hint = "The review cycle it was issued in, e.g. 2024." }, i => i.Cycle, (i, v) => i with { Cycle = v }),
                (FieldSpec.Enum<RecommendationStatus>("status", "Status"), i => i.Status, (i, v) => i with { Status = v }),
                .. MarkingFieldsOf<RecommendationInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new RecommendationInput
            {
                StrategicAction = d.Recommendation.StrategicAction,
                AreaId = d.Recommendation.AreaId,
                FocusArea = d.Recommendation.FocusArea,
                ExpectedOutcome = d.Recommendation.ExpectedOutcome,
                IssuedBy = d.IssuedBy,
                Cycle = d.Cycle,
                Status = d.Recommendation.Status.ToString(),
            }, d.Recommendation.Revision, d.Programme, d.Recommendation.StrategicAction)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Recommendation));
    }

    private RecordForm<IndicatorInput> Indicator()
    {
        var edit = Get<EditIndicator>();
        var get = Get<GetIndicator>();
        return new RecordForm<IndicatorInput>(
            Section(RecordType.Indicator),
            [
                (new FieldSpec("name", "Name", FieldKind.Text) { Required = true }, i => i.Name, (i, v) => i with { Name = v }),
                (new FieldSpec("unit", "Unit", FieldKind.Text) { Required = true, Hint = "What a value is measured in, e.g. “% of GDP”." }, i => i.Unit, (i, v) => i with { Unit = v }),
                (AreaField, i => Text(i.AreaId), (i, v) => i with { AreaId = Id(v) }),
                (FieldSpec.Enum<IndicatorDirection>("direction", "Direction"), i => i.Direction, (i, v) => i with { Direction = v }),
                (new FieldSpec("description", "Description", FieldKind.TextArea), i => i.Description, (i, v) => i with { Description = v }),
                .. MarkingFieldsOf<IndicatorInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new IndicatorInput
            {
                Name = d.Name,
                Unit = d.Unit,
                AreaId = d.AreaId,
                Direction = d.Direction.ToString(),
                Description = d.Description,
            }, d.Revision, d.Programme, d.Name)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Indicator));
    }

    private RecordForm<SourceInput> Source()
    {
        var edit = Get<EditSource>();
        var get = Get<GetSource>();
        return new RecordForm<SourceInput>(
            Section(RecordType.Source),
            [
                (new FieldSpec("title", "Title", FieldKind.Text) { Required = true }, i => i.Title, (i, v) => i with { Title = v }),
                (new FieldSpec("publisher", "Publisher", FieldKind.Text), i => i.Publisher, (i, v) => i with { Publisher = v }),
                (new FieldSpec("url", "URL", FieldKind.Text) { Hint = "An http or https address." }, i => i.Url, (i, v) => i with { Url = v }),
                (FieldSpec.Date("publishedOn", "Published"), i => i.PublishedOn, (i, v) => i with { PublishedOn = v }),
                (FieldSpec.Enum<SourceKind>("kind", "Kind"), i => i.Kind, (i, v) => i with { Kind = v }),
                (new FieldSpec("reliability", "Reliability", FieldKind.Text) { Hint = "Admiralty grading of the source: a letter A (completely reliable) to F (cannot be judged)." }, i => i.Reliability, (i, v) => i with { Reliability = v }),
                (new FieldSpec("credibility", "Credibility", FieldKind.Number) { WholeNumber = true, Hint = "Admiralty grading of the information: 1 (confirmed) to 6 (cannot be judged)." }, i => Text(i.Credibility), (i, v) => i with { Credibility = Id(v) }),
                .. MarkingFieldsOf<SourceInput>((i, v) => i with { Classification = v }, (i, v) => i with { ReleasableTo = v }),
            ],
            async (id, ct) => Loaded(await get.HandleAsync(id, ct), d => (new SourceInput
            {
                Title = d.Title,
                Publisher = d.Publisher,
                Url = d.Url,
                PublishedOn = d.PublishedOn?.ToString(),
                Kind = d.Kind.ToString(),
                Reliability = d.Reliability?.ToString(),
                Credibility = d.Credibility,
            }, d.Revision, d.Programme, d.Title)),
            edit.CreateAsync,
            edit.UpdateAsync,
            MarkingOf(RecordType.Source));
    }
}
