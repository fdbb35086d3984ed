namespace Fabrik.Executions.Testing;

/// <summary>The checkout the tests run from: the folder above the test output that holds Fabrik.Executions.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Fabrik.Executions.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Fabrik.Executions.sln above {AppContext.BaseDirectory}: run the tests from the repository.");
    }
}
