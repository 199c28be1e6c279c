using Microsoft.Extensions.Logging.Abstractions;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Core.Features.Ingest;
using PartnershipTracker.Core.Features.Programmes;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Core.Ingest.Repeats;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Testing;

/// <summary>Builds the handlers by hand on a test database, as the executable's DI would.</summary>
public static class Handlers
{
    public static IngestDocument Ingest(PtrackDbContext db, TimeProvider? time = null, IngestOptions? options = null) =>
        new(db, new ProgrammeLookup(db), new IngestSettings(options ?? new IngestOptions(), MappingRules.Default), new CrossSourceRepeats(db, new PassageSigner()), time ?? TimeProvider.System);

    /// <summary>Migrates <paramref name="db"/> and loads the example programme, as the first run does.</summary>
    public static Task LoadExampleAsync(PtrackDbContext db, TimeProvider? time = null) =>
        new DatabaseBootstrap(new DatabaseInitializer(db), new ExampleProgramme(db, Ingest(db, time)), new ExampleOptions(), NullLogger<DatabaseBootstrap>.Instance)
            .EnsureReadyAsync();
}
