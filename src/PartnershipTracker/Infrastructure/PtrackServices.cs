using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Features.Accounts.ApiTokens;
using PartnershipTracker.Core.Features.Dashboard;
using PartnershipTracker.Core.Features.History;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Marking;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Features.Records;
using PartnershipTracker.Core.Features.Records.Editing;
using PartnershipTracker.Core.Features.Search;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Core.Reports;
using PartnershipTracker.Data.Sqlite;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Infrastructure;

/// <summary>The services every front end (CLI verbs, pages, API) shares: data, handlers, reports.</summary>
public static class PtrackServices
{
    public static IServiceCollection AddPtrack(this IServiceCollection services, PtrackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        services.AddSingleton(TimeProvider.System);
        services.AddPtrackDatabase(settings.Database, SqliteDatabaseProvider.Instance);
        services.AddSingleton(settings.Examples);
        services.AddSingleton(settings.Security);
        services.AddScoped<SignIn>();
        services.AddScoped<CreateApiToken>();
        services.AddScoped<ListApiTokens>();
        services.AddScoped<RevokeApiToken>();
        services.AddScoped<AuthenticateApiToken>();
        services.AddSingleton(settings.Markings);
        services.AddScoped<ConfidentialityLabel>();
        services.AddSingleton(new IngestSettings(settings.Ingest, settings.Mapping));
        services.AddScoped<DatabaseBootstrap>();
        services.AddScoped<ExampleProgramme>();
        services.AddScoped<ProgrammeLookup>();
        services.AddScoped<GetRecordSummary>();
        services.AddScoped<ListDeletedRecords>();
        services.AddSingleton(new PassageSigner());
        services.AddScoped<CrossSourceRepeats>();
        services.AddScoped<IngestDocument>();
        services.AddScoped<ListIngestDrafts>();
        services.AddScoped<GetProgrammeOverview>();
        services.AddPtrackReports();
        services.AddScoped<ListAreas>();
        services.AddScoped<GetArea>();
        services.AddScoped<ListAchievements>();
        services.AddScoped<GetAchievement>();
        services.AddScoped<ListChallenges>();
        services.AddScoped<GetChallenge>();
        services.AddScoped<ListInitiatives>();
        services.AddScoped<GetInitiative>();
        services.AddScoped<ListMilestones>();
        services.AddScoped<GetMilestone>();
        services.AddScoped<ListRecommendations>();
        services.AddScoped<GetRecommendation>();
        services.AddScoped<ListIndicators>();
        services.AddScoped<GetIndicator>();
        services.AddScoped<ListSources>();
        services.AddScoped<GetSource>();
        services.AddScoped<DeleteRecord>();
        services.AddScoped<RestoreRecord>();
        services.AddScoped<PurgeRecord>();
        services.AddScoped<Core.Features.Review.SubmitRecord>();
        services.AddScoped<Core.Features.Review.ApproveRecord>();
        services.AddScoped<Core.Features.Review.ReturnRecord>();
        services.AddScoped<Core.Features.Audit.ListAuditEntries>();
        services.AddScoped<Core.Features.Review.ListRecordsInReview>();
        services.AddScoped<GetRecordHistory>();
        services.AddScoped<GetProgrammeDashboard>();
        services.AddScoped<GetPortfolio>();
        services.AddScoped<GetIndicatorSeries>();
        services.AddScoped<ISearchIndex, SqliteSearchIndex>();
        services.AddScoped<SearchRecords>();
        services.AddScoped<GetRecordEvidence>();
        services.AddScoped<ListProgrammes>();
        services.AddScoped<AddObservation>();
        services.AddScoped<EditArea>();
        services.AddScoped<EditAchievement>();
        services.AddScoped<EditChallenge>();
        services.AddScoped<EditInitiative>();
        services.AddScoped<EditMilestone>();
        services.AddScoped<EditRecommendation>();
        services.AddScoped<EditIndicator>();
        services.AddScoped<EditSource>();
        services.AddPtrackAccounts();
        return services;
    }
}
