using System.CommandLine;
using System.Globalization;
using PartnershipTracker.Core.Features.Accounts.ApiTokens;
using PartnershipTracker.Domain;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.Token;

/// <summary>
/// <c>ptrack token create USER [--name NAME] | revoke USER ID-or-PREFIX | list USER</c>: API tokens for the HTTP API
/// (<c>Authorization: Bearer ptk_…</c>). <c>create</c> prints the token alone on stdout, so that a script can capture
/// it (<c>TOKEN=$(ptrack token create alice)</c>); it is never shown again. The CLI acts as an admin: whoever can open
/// the database file may manage every user's tokens.
/// </summary>
internal static class TokenCommand
{
    public static Command Create()
    {
        var createUser = new Argument<string>("user") { Description = "The user the token acts as." };
        var name = new Option<string?>("--name") { Description = "What the token is for (at most 100 characters; default \"api token\")." };
        var create = new Command("create", "Create an API token and print it alone on stdout; only its SHA-256 is stored, so copy it now.") { createUser, name };
        create.SetAction((parse, ct) => CreateAsync(parse.GetRequiredValue(createUser), parse.GetValue(name), ct));

        var revokeUser = new Argument<string>("user") { Description = "The token's owner." };
        var which = new Argument<string>("token") { Description = "The token's id or its first characters as 'ptrack token list' shows them (ptk_…)." };
        var revoke = new Command("revoke", "Revoke an API token: it is refused from then on.") { revokeUser, which };
        revoke.SetAction((parse, ct) => RevokeAsync(parse.GetRequiredValue(revokeUser), parse.GetRequiredValue(which), ct));

        var listUser = new Argument<string>("user") { Description = "The tokens' owner." };
        var list = new Command("list", "List a user's API tokens (never the tokens themselves: their first characters).") { listUser };
        list.SetAction((parse, ct) => ListAsync(parse.GetRequiredValue(listUser), ct));

        return new Command("token", "API tokens for the HTTP API (Authorization: Bearer ptk_…).") { create, revoke, list };
    }

    private static Task<int> CreateAsync(string user, string? name, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var created = await services.GetRequiredService<CreateApiToken>().HandleAsync(user, name, "cli", null, ct);
            if (!created.Succeeded)
            {
                return CliContext.Fail(created.Failure!);
            }

            Console.Out.WriteLine(created.Value!.Token);
            return ExitCodes.Ok;
        }, cancellationToken);

    private static Task<int> RevokeAsync(string user, string token, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var revoked = await services.GetRequiredService<RevokeApiToken>().HandleAsync(user, token, "cli", Role.Admin, null, ct);
            if (!revoked.Succeeded)
            {
                return CliContext.Fail(revoked.Failure!);
            }

            Console.Out.WriteLine($"revoked token {revoked.Value!.Id} ({revoked.Value.Prefix}…, \"{revoked.Value.Name}\") of {user}");
            return ExitCodes.Ok;
        }, cancellationToken);

    private static Task<int> ListAsync(string user, CancellationToken cancellationToken) =>
        CliContext.RunAsync(async (services, ct) =>
        {
            var tokens = await services.GetRequiredService<ListApiTokens>().HandleAsync(user, ct);
            if (!tokens.Succeeded)
            {
                return CliContext.Fail(tokens.Failure!);
            }

            var console = CliConsole.Create();
            if (tokens.Value!.Count == 0)
            {
                console.WriteLine($"{user} has no API tokens");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns(new TableColumn("Id").RightAligned(), new TableColumn("Name"), new TableColumn("Starts with"), new TableColumn("Created (UTC)"), new TableColumn("Last used (UTC)"), new TableColumn("Revoked (UTC)"));
            foreach (var t in tokens.Value)
            {
                table.AddRow(t.Id.ToString(CultureInfo.InvariantCulture), Markup.Escape(t.Name), Markup.Escape(t.Prefix), When(t.CreatedAt), t.LastUsedAt is { } used ? When(used) : "never", t.RevokedAt is { } at ? When(at) : "");
            }

            console.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken);

    private static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
