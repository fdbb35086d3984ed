using System.Diagnostics;
using Fabrik.Cli;
using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.ToolingTests.Cli;

/// <summary>What one run of <c>fabrik</c> exited with and wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public IReadOnlyList<string> OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Runs the command in this process, configured through the environment variables it reads, as a script would set them.</summary>
    public static Task<CliRun> InProcessAsync(Pipeline pipeline, params string[] args) => InProcessAsync(pipeline, pipeline.GatewayUrl, args);

    /// <summary>Runs the command in this process against the Gateway at <paramref name="gateway"/> (a relay in front of the pipeline's, say).</summary>
    public static async Task<CliRun> InProcessAsync(Pipeline pipeline, Uri gateway, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = Variables(pipeline);
        variables["FABRIK_GATEWAY_URL"] = gateway.ToString();
        using var deadline = new CancellationTokenSource(Deadline);
        var code = await CliApplication.RunAsync(args, new CliConsole(output, error, name => variables.GetValueOrDefault(name), false, false), deadline.Token);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>
    /// Runs the built tool as its own process, as a shell runs it: from the CLI project's own build output of the same
    /// configuration, since this test's output resolves the SignalR client from the ASP.NET framework instead.
    /// </summary>
    public static async Task<CliRun> ProcessAsync(Pipeline pipeline, params string[] args)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!;
        var repository = configuration.Parent!.Parent!.Parent!.Parent!;
        var tool = Path.Combine(repository.FullName, "tools", "Fabrik.Cli", "bin", configuration.Name, framework.Name, "fabrik.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(tool);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in Variables(pipeline))
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("fabrik did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"fabrik {string.Join(' ', args)} did not exit within {Deadline}: {await error}");
        }

        return new CliRun(process.ExitCode, await output, await error);
    }

    public override string ToString() => $"exit {ExitCode}; output:\n{Output}\nerror:\n{Error}";

    private static Dictionary<string, string> Variables(Pipeline pipeline) => new()
    {
        ["FABRIK_GATEWAY_URL"] = pipeline.GatewayUrl.ToString(),
        ["FABRIK_API_KEY"] = pipeline.ServiceConfiguration["Auth:ApiKeys:0:Key"]!,
        ["NO_COLOR"] = "1",
    };
}
