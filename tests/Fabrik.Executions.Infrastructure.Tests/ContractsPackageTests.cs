using System.Diagnostics;
using System.IO.Compression;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Infrastructure.Tests;

/// <summary>Other services take the contracts as a NuGet package: <c>dotnet pack</c> must make one that carries their docs.</summary>
public sealed class ContractsPackageTests
{
    private const string PackageId = "Fabrik.Executions.Contracts";
    private static readonly TimeSpan PackDeadline = TimeSpan.FromMinutes(2);

    [Test]
    public async Task Dotnet_pack_makes_a_package_with_the_contracts_assembly_its_xml_docs_and_no_dependencies()
    {
        var output = Directory.CreateTempSubdirectory("fabrik-pack-");
        try
        {
            await PackAsync(output.FullName);

            var packages = output.GetFiles($"{PackageId}.*.nupkg");
            Assert.That(packages, Has.Length.EqualTo(1), "dotnet pack made no package: is the project still packable?");
            await using var archive = await ZipFile.OpenReadAsync(packages[0].FullName, CancellationToken.None);
            var entries = archive.Entries.Select(entry => entry.FullName).ToList();
            Assert.That(entries, Does.Contain($"lib/net10.0/{PackageId}.dll").And.Contain($"lib/net10.0/{PackageId}.xml").And.Contain("README.md"));
            var docs = await ReadAsync(archive.GetEntry($"lib/net10.0/{PackageId}.xml")!);
            Assert.That(docs, Does.Contain($"<member name=\"T:{PackageId}.JobEventReceived\">"));
            Assert.That(docs, Does.Contain($"<member name=\"T:{PackageId}.JobEventsReceived\">"));
            var nuspec = await ReadAsync(archive.GetEntry($"{PackageId}.nuspec")!);
            Assert.That(nuspec, Does.Not.Contain("<dependency "), "the contracts reference no package, MassTransit least of all");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    // Packs what the test build already compiled, in the test's own configuration, so the test stays quick.
    private static async Task PackAsync(string outputFolder)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            "pack", Path.Combine(RepositoryRoot.Path, "contracts", PackageId, $"{PackageId}.csproj"),
            "--no-build", "--configuration", configuration, "--output", outputFolder, "-nologo",
        })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(PackDeadline);
        await process.WaitForExitAsync(deadline.Token);
        Assert.That(process.ExitCode, Is.Zero, $"dotnet pack failed:\n{await stdout}\n{await stderr}");
    }

    private static async Task<string> ReadAsync(ZipArchiveEntry entry)
    {
        using var reader = new StreamReader(await entry.OpenAsync(CancellationToken.None));
        return await reader.ReadToEndAsync();
    }
}
