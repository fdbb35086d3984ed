using System.Diagnostics;

namespace Fabrik.Executions.BrowserTests;

/// <summary>
/// The built web app the Gateway serves: built here (npm ci, npm run build) when web/dist is missing or older than its
/// sources, so a test never runs against a stale app.
/// </summary>
internal static class WebAppBuild
{
    private static readonly string[] Sources = ["src", "index.html", "package.json", "package-lock.json", "vite.config.ts", "tsconfig.json"];

    public static async Task<string> EnsureBuiltAsync()
    {
        var index = Path.Combine(RepositoryPaths.WebDist, "index.html");
        if (File.Exists(index) && File.GetLastWriteTimeUtc(index) >= NewestSource())
        {
            return RepositoryPaths.WebDist;
        }

        var npm = FindOnPath("npm") ?? throw new InvalidOperationException(
            "The browser tests need the web app built, and npm is not installed to build it: install Node.js and npm "
            + "(apt-get install -y nodejs npm), or build it elsewhere with `npm ci && npm run build` in web/.");
        var installed = Path.Combine(RepositoryPaths.Web, "node_modules", ".package-lock.json");
        var locked = Path.Combine(RepositoryPaths.Web, "package-lock.json");
        if (!File.Exists(installed) || File.GetLastWriteTimeUtc(installed) < File.GetLastWriteTimeUtc(locked))
        {
            await RunAsync(npm, "ci --no-audit --no-fund");
        }

        await RunAsync(npm, "run build");
        return File.Exists(index)
            ? RepositoryPaths.WebDist
            : throw new InvalidOperationException($"npm run build in web/ finished but wrote no {index}.");
    }

    private static DateTime NewestSource() =>
        Sources.Select(source => Path.Combine(RepositoryPaths.Web, source))
            .SelectMany(path => Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                : File.Exists(path) ? [path] : [])
            .Select(File.GetLastWriteTimeUtc)
            .DefaultIfEmpty(DateTime.MinValue)
            .Max();

    private static async Task RunAsync(string npm, string arguments)
    {
        var start = new ProcessStartInfo(npm, arguments)
        {
            WorkingDirectory = RepositoryPaths.Web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {npm} {arguments}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`npm {arguments}` in web/ failed with exit code {process.ExitCode}:\n{await output}\n{await errors}");
        }
    }

    private static string? FindOnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, command))
            .FirstOrDefault(File.Exists);
}
