using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Features.Accounts;
using PartnershipTracker.Core.Features.Accounts.Mfa;
using Spectre.Console;

namespace PartnershipTracker.Cli.Commands.User;

/// <summary>
/// <c>ptrack user add | list | set-role | update | reset-password | reset-mfa | disable | enable</c>: the accounts that sign in to
/// the web application (docs/accounts.md). Whoever can run the CLI on the database acts as admin. A password is read
/// from standard input (one line) with <c>--password-stdin</c>, never from an argument (which would show in the
/// process list and the shell history); without it one is generated and printed once.
/// </summary>
internal static class UserCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Command Create()
    {
        var user = new Command("user", "Manage the accounts that sign in: add, list, set-role, update, reset-password, reset-mfa, disable, enable.")
        {
            CreateAdd(),
            CreateList(),
            CreateSetRole(),
            CreateUpdate(),
            CreateResetPassword(),
            CreateResetMfa(),
            CreateDisable(),
            CreateEnable(),
        };
        return user;
    }

    private static Argument<string> NameArgument(string description) => new("name") { Description = description };

    private static Option<bool> PasswordStdinOption() =>
        new("--password-stdin") { Description = $"Read the password from standard input (one line; at least {PasswordPolicy.MinLength} characters, at most {PasswordPolicy.MaxLength}). Without it a password is generated and printed once." };

    private static Option<string?> ClearanceOption(string description) => new("--clearance") { Description = description, HelpName = "LEVEL" };

    private static Option<string?> NationalityOption(string more = "") => new("--nationality") { Description = "ISO 3166-1 alpha-3 code of the user's nation, e.g. BIH" + more + ".", HelpName = "ISO3" };

    private static Option<string?> OrganisationOption(string more = "") => new("--organisation") { Description = "The user's organisation as Releasable To lists name it, e.g. NATO" + more + ".", HelpName = "ORG" };

    private static Command CreateAdd()
    {
        var name = NameArgument("The sign-in name: 1 to 64 letters, digits, dots, dashes or underscores; unique, case ignored.");
        var role = new Option<string>("--role") { Description = "viewer, contributor, reviewer or admin.", Required = true, HelpName = "ROLE" };
        var clearance = ClearanceOption("The highest classification the user may see: PUBLIC (default), NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL or NATO SECRET (also nato-restricted, NatoRestricted).");
        var nationality = NationalityOption();
        var organisation = OrganisationOption();
        var stdin = PasswordStdinOption();
        var add = new Command("add", "Add a user.") { name, role, clearance, nationality, organisation, stdin };
        add.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            string? password = null;
            if (parse.GetValue(stdin) && !TryReadPassword(out password, out var exit))
            {
                return exit;
            }

            var result = await services.GetRequiredService<AddUser>().HandleAsync(
                new AddUserRequest(parse.GetValue(name), parse.GetValue(role), parse.GetValue(clearance), parse.GetValue(nationality), parse.GetValue(organisation), password), ct);
            if (!result.Succeeded)
            {
                return Fail(result.Failure!);
            }

            var added = result.Value!;
            Console.Out.WriteLine($"user '{added.User.Name}' added: {Describe(added.User)}");
            WriteGenerated(added.User.Name, added.GeneratedPassword);
            return ExitCodes.Ok;
        }, cancellationToken));
        return add;
    }

    private static Command CreateList()
    {
        var json = new Option<bool>("--json") { Description = "Write JSON on stdout: {\"items\":[{name, role, clearance, nationality, organisation, createdAt, disabled, disabledAt, lockedUntil, mfa, mfaEnabledAt}]}." };
        var list = new Command("list", "List the users, disabled ones too (never a password or its hash).") { json };
        list.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            var users = await services.GetRequiredService<ListUsers>().HandleAsync(ct);
            if (parse.GetValue(json))
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { items = users.Select(ToJson) }, Json));
                return ExitCodes.Ok;
            }

            var console = CliConsole.Create();
            if (users.Count == 0)
            {
                console.WriteLine("no users yet ('ptrack serve' creates the first admin; or 'ptrack user add NAME --role admin')");
                return ExitCodes.Ok;
            }

            var table = new Table().AddColumns("Name", "Role", "Clearance", "Nationality", "Organisation", "Created (UTC)", "State", "Two-factor");
            foreach (var u in users)
            {
                table.AddRow(Markup.Escape(u.Name), u.Role.ToString(), u.Clearance, u.Nationality ?? "", u.Organisation ?? "", Utc(u.CreatedAt), State(u), u.MfaEnabled ? "on" : "off");
            }

            console.Write(table);
            return ExitCodes.Ok;
        }, cancellationToken));
        return list;
    }

    private static Command CreateSetRole()
    {
        var name = NameArgument("The user's name (case ignored).");
        var role = new Argument<string>("role") { Description = "viewer, contributor, reviewer or admin." };
        var setRole = new Command("set-role", "Give a user another role; their sessions end, so they sign in again with it.") { name, role };
        setRole.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<SetRole>().HandleAsync(new SetRoleRequest(parse.GetValue(name), parse.GetValue(role)), ct);
            if (!result.Succeeded)
            {
                return Fail(result.Failure!);
            }

            Console.Out.WriteLine($"user '{result.Value!.Name}': {Describe(result.Value)}");
            return ExitCodes.Ok;
        }, cancellationToken));
        return setRole;
    }

    private static Command CreateUpdate()
    {
        var name = NameArgument("The user's name (case ignored).");
        var clearance = ClearanceOption("The highest classification the user may see: PUBLIC, NATO UNCLASSIFIED, NATO RESTRICTED, NATO CONFIDENTIAL or NATO SECRET.");
        var nationality = NationalityOption(" (an empty value removes it)");
        var organisation = OrganisationOption(" (an empty value removes it)");
        var update = new Command("update", "Change a user's clearance, nationality or organisation (what they may see); their sessions end when anything changed.") { name, clearance, nationality, organisation };
        update.SetAction((parse, cancellationToken) =>
        {
            if (parse.GetResult(clearance) is null && parse.GetResult(nationality) is null && parse.GetResult(organisation) is null)
            {
                return Task.FromResult(CliContext.Fail("user update: give at least one of --clearance, --nationality, --organisation. Try 'ptrack user update --help'.", ExitCodes.BadInput));
            }

            return CliContext.RunAsync(async (services, ct) =>
            {
                var request = new UpdateUserRequest(
                    parse.GetValue(name),
                    parse.GetValue(clearance),
                    parse.GetResult(nationality) is null ? null : parse.GetValue(nationality) ?? "",
                    parse.GetResult(organisation) is null ? null : parse.GetValue(organisation) ?? "");
                var result = await services.GetRequiredService<UpdateUser>().HandleAsync(request, ct);
                if (!result.Succeeded)
                {
                    return Fail(result.Failure!);
                }

                Console.Out.WriteLine($"user '{result.Value!.Name}': {Describe(result.Value)}");
                return ExitCodes.Ok;
            }, cancellationToken);
        });
        return update;
    }

    private static Command CreateResetPassword()
    {
        var name = NameArgument("The user's name (case ignored).");
        var stdin = PasswordStdinOption();
        var reset = new Command("reset-password", "Set a user's password (from standard input, or generated and printed once); ends their sessions, clears a lockout, and makes them choose their own at the next sign-in.") { name, stdin };
        reset.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            string? password = null;
            if (parse.GetValue(stdin) && !TryReadPassword(out password, out var exit))
            {
                return exit;
            }

            var result = await services.GetRequiredService<ResetPassword>().HandleAsync(new ResetPasswordRequest(parse.GetValue(name), password), ct);
            if (!result.Succeeded)
            {
                return Fail(result.Failure!);
            }

            Console.Out.WriteLine($"user '{result.Value!.User.Name}': password set; their sessions have ended; they must choose their own password at the next sign-in");
            WriteGenerated(result.Value.User.Name, result.Value.GeneratedPassword);
            return ExitCodes.Ok;
        }, cancellationToken));
        return reset;
    }

    private static Command CreateResetMfa()
    {
        var name = NameArgument("The user's name (case ignored).");
        var reset = new Command("reset-mfa", "Turn a user's two-factor sign-in off (lost phone and recovery codes): their authenticator key and recovery codes are deleted; they sign in with the password and can set up an app again.") { name };
        reset.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<ResetMfa>().HandleAsync(parse.GetValue(name), "cli", ct);
            if (!result.Succeeded)
            {
                return Fail(result.Failure!);
            }

            Console.Out.WriteLine($"user '{result.Value!.Name}': two-factor sign-in is off and their recovery codes are deleted");
            return ExitCodes.Ok;
        }, cancellationToken));
        return reset;
    }

    private static Command CreateDisable()
    {
        var name = NameArgument("The user's name (case ignored).");
        var disable = new Command("disable", "Disable a user: they cannot sign in, their sessions end now and their API tokens stop working.") { name };
        disable.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<DisableUser>().HandleAsync(parse.GetValue(name), ct);
            if (!result.Succeeded)
            {
                return Fail(result.Failure!);
            }

            Console.Out.WriteLine($"user '{result.Value!.Name}' is disabled");
            return ExitCodes.Ok;
        }, cancellationToken));
        return disable;
    }

    private static Command CreateEnable()
    {
        var name = NameArgument("The user's name (case ignored).");
        var enable = new Command("enable", "Enable a disabled user again.") { name };
        enable.SetAction((parse, cancellationToken) => CliContext.RunAsync(async (services, ct) =>
        {
            var result = await services.GetRequiredService<EnableUser>().HandleAsync(parse.GetValue(name), ct);
            if (!result.Succeeded)
            {
                return Fail(result.Failure!);
            }

            Console.Out.WriteLine($"user '{result.Value!.Name}' is enabled");
            return ExitCodes.Ok;
        }, cancellationToken));
        return enable;
    }

    /// <summary>One line of standard input, without its line ending; an error (exit 2) when there is none.</summary>
    private static bool TryReadPassword(out string? password, out int exit)
    {
        password = Console.In.ReadLine();
        exit = ExitCodes.Ok;
        if (string.IsNullOrEmpty(password))
        {
            exit = CliContext.Fail("--password-stdin: no password on standard input (one line expected)", ExitCodes.BadInput);
            return false;
        }

        return true;
    }

    /// <summary>The failure in one line; for invalid input, each field message ("password: at least 12 characters …").</summary>
    private static int Fail(Failure failure) =>
        failure.Fields is { Count: > 0 } fields && failure.Kind == FailureKind.Invalid
            ? CliContext.Fail(string.Join("; ", fields.SelectMany(f => f.Value)), ExitCodes.BadInput)
            : CliContext.Fail(failure);

    private static void WriteGenerated(string name, string? password)
    {
        if (password is null)
        {
            return;
        }

        Console.Out.WriteLine($"password: {password}");
        Console.Out.WriteLine($"This password is shown once and stored nowhere: give it to the user now. To set another: ptrack user reset-password {name}");
    }

    private static string Describe(UserSummary user)
    {
        var of = string.Join(", ", new[] { user.Nationality, user.Organisation }.OfType<string>());
        return $"{user.Role}, clearance {user.Clearance}{(of.Length == 0 ? "" : ", " + of)}{(user.Disabled ? ", disabled" : "")}";
    }

    private static object ToJson(UserSummary u) => new
    {
        name = u.Name,
        role = u.Role.ToString(),
        clearance = u.Clearance,
        nationality = u.Nationality,
        organisation = u.Organisation,
        createdAt = u.CreatedAt,
        disabled = u.Disabled,
        disabledAt = u.DisabledAt,
        lockedUntil = u.LockedUntil,
        mfa = u.MfaEnabled,
        mfaEnabledAt = u.TotpEnabledAt,
    };

    private static string State(UserSummary u) =>
        u.Disabled ? "disabled since " + Utc(u.DisabledAt!.Value) : u.LockedUntil is { } until ? "locked until " + Utc(until) : "enabled";

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
