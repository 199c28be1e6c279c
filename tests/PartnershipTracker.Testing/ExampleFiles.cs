namespace PartnershipTracker.Testing;

/// <summary>Paths to the files shipped in <c>examples/</c>, found from the test's working directory upwards.</summary>
public static class ExampleFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Article => Path.Combine(RepositoryRoot, "examples", "nato-bih", "article.txt");

    public static string Facts => Path.Combine(RepositoryRoot, "examples", "nato-bih", "facts.yaml");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PartnershipTracker.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("PartnershipTracker.slnx not found above " + AppContext.BaseDirectory);
    }
}
