namespace Fabrik.Executions.BrowserTests;

/// <summary>Folders of the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Web => Path.Combine(Root, "web");

    public static string WebDist => Path.Combine(Web, "dist");

    /// <summary>
    /// Where the tests save their screenshots: the README's pictures in docs/screenshots when
    /// <c>FABRIK_UPDATE_SCREENSHOTS=1</c>, otherwise the test output, so a test run leaves the work tree clean.
    /// </summary>
    public static string Screenshots =>
        Environment.GetEnvironmentVariable("FABRIK_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");

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
