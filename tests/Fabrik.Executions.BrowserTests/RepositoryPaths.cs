using Fabrik.Executions.Testing;

namespace Fabrik.Executions.BrowserTests;

/// <summary>Folders of the repository the tests run from.</summary>
internal static class RepositoryPaths
{
    public static string Root => RepositoryRoot.Path;

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
}
