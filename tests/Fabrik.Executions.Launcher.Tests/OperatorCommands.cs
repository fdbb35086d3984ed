using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>Sends the Launcher's commands as the Gateway does and reads what the Launcher and AWX made of them.</summary>
internal static class OperatorCommands
{
    public static async Task<Response<ExecutionAccepted, CommandRejected>> AskAsync<TCommand>(this LauncherUnderTest system, TCommand command)
        where TCommand : class
    {
        var client = system.Probe.Bus.CreateRequestClient<TCommand>(RequestTimeout.After(s: 60));
        return await client.GetResponse<ExecutionAccepted, CommandRejected>(command);
    }

    public static ExecutionAccepted Accepted(this Response<ExecutionAccepted, CommandRejected> response)
    {
        Assert.That(response.Is(out Response<CommandRejected>? rejected) ? rejected.Message.Detail : null, Is.Null, "the command is accepted");
        return response.Is(out Response<ExecutionAccepted>? accepted) ? accepted.Message : throw new AssertionException("no ExecutionAccepted");
    }

    public static CommandRejected Rejected(this Response<ExecutionAccepted, CommandRejected> response)
    {
        Assert.That(response.Is(out Response<ExecutionAccepted>? accepted) ? accepted.Message : null, Is.Null, "the command is rejected");
        return response.Is(out Response<CommandRejected>? rejected) ? rejected.Message : throw new AssertionException("no CommandRejected");
    }

    /// <summary>Launches the synthetic template through the Launcher and returns the execution as stored.</summary>
    public static async Task<ExecutionRecord> LaunchAsync(this LauncherUnderTest system, LaunchExecution command)
    {
        Assert.That((await system.RequestAsync(command)).Accepted().Status, Is.EqualTo(ExecutionStatus.Waiting));
        return (await system.FindAsync(command.ExecutionId))!;
    }

    public static Task<ExecutionRecord?> FindAsync(this LauncherUnderTest system, Guid executionId) =>
        system.Executions.FindAsync(executionId, CancellationToken.None);

    /// <summary>Ends the execution as the poller would once AWX reports <paramref name="status"/>.</summary>
    public static async Task FinishAsync(this LauncherUnderTest system, Guid executionId, ExecutionStatus status)
    {
        var finished = await system.Executions.TransitionAsync(
            executionId, [ExecutionStatus.Waiting, ExecutionStatus.Running], status, null, CancellationToken.None);
        Assert.That(finished, Is.Not.Null, "the execution was waiting or running");
    }

    /// <summary>AWX's own view of a job (<c>GET /api/v2/jobs/{id}/</c>).</summary>
    public static async Task<JsonElement> AwxJobAsync(this LauncherUnderTest system, long jobId)
    {
        using var job = JsonDocument.Parse(await system.Awx.GetStringAsync(new Uri($"api/v2/jobs/{jobId}/", UriKind.Relative)));
        return job.RootElement.Clone();
    }

    public static Task WaitForAwxStatusAsync(this LauncherUnderTest system, long jobId, string status) =>
        Eventually.TrueAsync(
            async () => (await system.AwxJobAsync(jobId)).GetProperty("status").GetString() == status,
            $"AWX job {jobId} to be {status}");

    public static T Service<T>(this LauncherUnderTest system) where T : notnull => system.Get<T>();
}
