using PartnershipTracker.Cli;

return await CliApp.RunAsync(args);

/// <summary>The entry point; composition lives in <see cref="CliApp"/> and <see cref="PartnershipTracker.Web.WebApp"/>.</summary>
public partial class Program;
