namespace Fabrik.Executions.AwxEmulator.Runner;

/// <summary>Finds ansible-runner: the configured path, Debian's <c>/usr/bin/ansible-runner</c>, or the first on PATH.</summary>
internal static class AnsibleRunnerLocator
{
    private const string DebianPath = "/usr/bin/ansible-runner";

    public static string? Find(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            return File.Exists(configuredPath) ? configuredPath : null;
        }
        if (File.Exists(DebianPath))
        {
            return DebianPath;
        }
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "ansible-runner"))
            .FirstOrDefault(File.Exists);
    }
}
