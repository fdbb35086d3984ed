namespace Fabrik.Executions.BrowserTests;

/// <summary>Folders of the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "web");

    public static string WebDist => Path.Combine(Web, "dist");

    public static string Screenshots => Path.Combine(Root, "docs", "screenshots");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Fabrik.Executions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Fabrik.Executions.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
