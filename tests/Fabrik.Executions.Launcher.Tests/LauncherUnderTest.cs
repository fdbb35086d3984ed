using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;
using Npgsql;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>A Launcher in-process on its own database, virtual host and AWX emulator; the probe sends it commands.</summary>
public sealed class LauncherUnderTest : InProcessService
{
    public const int SyntheticTemplateId = 1;

    private LauncherUnderTest(InProcessServiceParts parts)
        : base(parts)
    {
    }

    public ExecutionRepository Executions => Get<ExecutionRepository>();

    /// <param name="launcherToken">The token the Launcher presents to AWX; the emulator's own when null.</param>
    public static async Task<LauncherUnderTest> StartAsync(string? launcherToken = null) =>
        new(await StartPartsAsync(
            LauncherApplication.Create,
            probe => probe.Recording<ExecutionLaunched>().Recording<ExecutionStatusChanged>().Recording<ExecutionAccepted>(),
            launcherToken));

    /// <summary>A valid launch of the synthetic template; <paramref name="marker"/> goes into the extra vars so the AWX job can be found.</summary>
    public static LaunchExecution Command(string marker, string? limit = null, string extraVars = """{"emulator_events": 20, "emulator_hosts": 2}""")
    {
        var vars = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(extraVars)!;
        vars["test_marker"] = JsonSerializer.SerializeToElement(marker);
        return new LaunchExecution
        {
            ExecutionId = Guid.CreateVersion7(),
            RequestId = "request-" + marker,
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = SyntheticTemplateId, Name = "Synthetic" },
            ExtraVars = JsonSerializer.SerializeToElement(vars),
            Limit = limit,
            Credentials = [],
            LaunchedBy = "alice",
        };
    }

    public async Task<Response<ExecutionAccepted, CommandRejected>> RequestAsync(LaunchExecution command)
    {
        var client = Probe.Bus.CreateRequestClient<LaunchExecution>(RequestTimeout.After(s: 60));
        return await client.GetResponse<ExecutionAccepted, CommandRejected>(command);
    }

    /// <summary>The emulator's jobs whose extra vars carry <paramref name="marker"/>, each as AWX's job list shows it.</summary>
    public async Task<IReadOnlyList<JsonElement>> AwxJobsMarkedAsync(string marker)
    {
        using var page = JsonDocument.Parse(await Awx.GetStringAsync(new Uri("api/v2/jobs/?page_size=200", UriKind.Relative)));
        return page.RootElement.GetProperty("results").EnumerateArray()
            .Where(job => ExtraVarsOf(job).TryGetProperty("test_marker", out var value) && value.GetString() == marker)
            .Select(job => job.Clone())
            .ToList();
    }

    public static JsonElement ExtraVarsOf(JsonElement awxJob)
    {
        using var document = JsonDocument.Parse(awxJob.GetProperty("extra_vars").GetString()!);
        return document.RootElement.Clone();
    }

    public async Task<long> CountExecutionsAsync(string requestId)
    {
        await using var command = Get<NpgsqlDataSource>()
            .CreateCommand("select count(*) from executions where request_id = @requestId");
        command.Parameters.AddWithValue("requestId", requestId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
