using System.CommandLine;
using PartnershipTracker.Web;

namespace PartnershipTracker.Cli.Commands.Serve;

/// <summary><c>ptrack serve [--urls URL]</c>: the web application, on http://127.0.0.1:5080 by default.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen, e.g. http://127.0.0.1:8080 (default {WebApp.DefaultUrl})." };
        var command = new Command("serve", "Start the web application (dashboard, records, report) with the database ready.")
        {
            urls,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var hostArgs = parse.UnmatchedTokens.ToList();
            if (parse.GetValue(urls) is { } value)
            {
                hostArgs.Add("--urls=" + value);
            }

            var (app, error) = WebApp.Build([.. hostArgs]);
            if (app is null)
            {
                return CliContext.Fail(error!, ExitCodes.BadInput);
            }

            try
            {
                await app.RunAsync();
                return ExitCodes.Ok;
            }
            catch (IOException e)
            {
                // Typically the address is in use: say which, in one line.
                return CliContext.Fail($"cannot listen: {e.Message.ReplaceLineEndings(" ")}", ExitCodes.Failure);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                return CliContext.Fail($"database error: {e.Message.ReplaceLineEndings(" ")}", ExitCodes.Failure);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C while the database was still being migrated or loaded: the host cancels its start.
                return CliContext.Fail("stopped before start-up finished (the database may still need `ptrack db migrate`)", ExitCodes.Failure);
            }
            catch (FormatException e)
            {
                return CliContext.Fail($"--urls: {e.Message.ReplaceLineEndings(" ")} (expected e.g. http://127.0.0.1:8080)", ExitCodes.BadInput);
            }
        });
        return command;
    }
}
