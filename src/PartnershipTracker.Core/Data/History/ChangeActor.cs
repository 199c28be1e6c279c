namespace PartnershipTracker.Core.Data.History;

/// <summary>Who is making the changes saved through this scope's <see cref="PtrackDbContext"/>; stored as <see cref="Domain.ChangeRecord.Actor"/>.</summary>
public interface IChangeActor
{
    /// <summary>"ingest", "cli", "web", or the signed-in user's name; at most 200 characters.</summary>
    string Name { get; }

    /// <summary>The role the changes are made with; decides where an edit lands in the review workflow. Admin unless set.</summary>
    Domain.Role Role => Domain.Role.Admin;

    /// <summary>The client's IP address for web requests (after the trusted proxies' <c>X-Forwarded-For</c>); null for the CLI. Recorded on the audit entries of record changes.</summary>
    string? RemoteAddress => null;
}

/// <summary>
/// The scoped <see cref="IChangeActor"/>: a front end names the actor once for its scope (the CLI verb, the web
/// request) before it saves anything. Until then the actor is <see cref="System"/>.
/// </summary>
public sealed class ChangeActor : IChangeActor
{
    /// <summary>The actor of a scope that named none.</summary>
    public const string System = "system";

    public ChangeActor()
    {
    }

    public ChangeActor(string name) => Name = name;

    public string Name { get; set; } = System;

    /// <summary>
    /// The role the changes are made with: it decides where a change lands in the review workflow (a contributor's
    /// change is a draft). The CLI and start-up act as <see cref="Domain.Role.Admin"/>: whoever can open the database file
    /// can change it all. The web sets the signed-in user's role.
    /// </summary>
    public Domain.Role Role { get; set; } = Domain.Role.Admin;

    /// <summary>The signed-in user's id for web requests; null for the CLI and start-up.</summary>
    public int? UserId { get; set; }

    /// <summary>The client's IP address for web requests (set with the reader, after forwarded headers); null for the CLI and start-up.</summary>
    public string? RemoteAddress { get; set; }
}
