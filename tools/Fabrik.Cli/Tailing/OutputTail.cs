using System.Text.Json;
using System.Threading.Channels;
using Fabrik.Cli.Gateway;
using Fabrik.Cli.Output;
using Fabrik.Executions.Contracts;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Cli.Tailing;

/// <summary>
/// Follows one execution's output through the hub from a counter to its end, and answers the exit code of its result.
/// It subscribes again from the last counter written without a gap after a reconnection, after
/// <see cref="StallAfter"/> without news while the execution runs, and once the execution ended, so the last replay
/// brings whatever live delivery missed; the snapshot after that replay says the output is complete.
/// </summary>
public sealed partial class OutputTail(GatewayClient gateway, CliConsole console, bool json)
{
    public static readonly TimeSpan StallAfter = TimeSpan.FromSeconds(15);

    /// <summary>How long a terminal execution that ran an AWX job may go without its stream finishing before the tail stops waiting.</summary>
    public static readonly TimeSpan FinishGrace = TimeSpan.FromMinutes(1);

    private readonly Channel<TailSignal> signals = Channel.CreateUnbounded<TailSignal>(new UnboundedChannelOptions { SingleReader = true });

    public async Task<int> RunAsync(Guid executionId, long after, CancellationToken cancellationToken)
    {
        await using var progress = new ProgressLine(console, !json);
        await using var connection = gateway.CreateHubConnection();
        Listen(connection, executionId);
        progress.Show("connecting to the Gateway");
        await ConnectAsync(connection, cancellationToken);

        var printer = new EventPrinter(console, progress, json, after);
        var workflow = false;
        DateTimeOffset? terminalSince = null;
        await SubscribeAsync(connection, executionId, after, cancellationToken);
        while (true)
        {
            var signal = await NextAsync(cancellationToken);
            switch (signal)
            {
                case TailSignal.Events events:
                    await printer.AddAsync(events.Batch.EnumerateArray());
                    break;
                case TailSignal.Snapshot snapshot:
                    var execution = new ExecutionView(snapshot.Execution);
                    workflow = execution.IsWorkflow;
                    progress.Show(Describe(execution));
                    terminalSince = execution.Status.IsTerminal() ? terminalSince ?? DateTimeOffset.UtcNow : null;
                    if (execution.OutputDone || DateTimeOffset.UtcNow - terminalSince > FinishGrace)
                    {
                        await printer.FlushAsync();
                        await progress.PrintAsync(() => WriteEndAsync(execution, printer.Written));
                        return ExitCodes.Of(execution.Status);
                    }

                    break;
                case TailSignal.Progressed progressed:
                    progress.Show(progressed.Status);
                    break;
                case TailSignal.Ended or TailSignal.Reconnected or null:
                    // A workflow's jobs share the hub's one cursor: only a replay from 0 reaches a job started meanwhile.
                    await SubscribeAsync(connection, executionId, workflow ? 0 : printer.ResumeAfter, cancellationToken);
                    break;
            }
        }
    }

    private void Listen(HubConnection connection, Guid executionId)
    {
        bool Mine(JsonElement message, string property) =>
            message.TryGetProperty(property, out var id) && id.ValueKind == JsonValueKind.String && id.GetGuid() == executionId;

        connection.On<Guid, JsonElement>("JobEvents", (id, batch) =>
        {
            if (id == executionId)
            {
                signals.Writer.TryWrite(new TailSignal.Events(batch.Clone()));
            }
        });
        connection.On<JsonElement>("ExecutionSnapshot", execution =>
        {
            if (Mine(execution, "id"))
            {
                signals.Writer.TryWrite(new TailSignal.Snapshot(execution.Clone()));
            }
        });
        connection.On<JsonElement>("ExecutionStatusChanged", change =>
        {
            if (Mine(change, "execution_id") && Enum.TryParse<ExecutionStatus>(change.GetProperty("status").GetString(), true, out var status))
            {
                signals.Writer.TryWrite(status.IsTerminal() ? new TailSignal.Ended() : new TailSignal.Progressed(status.ToString().ToLowerInvariant()));
            }
        });
        connection.On<JsonElement>("ExecutionFinished", finished =>
        {
            if (Mine(finished, "execution_id"))
            {
                signals.Writer.TryWrite(new TailSignal.Ended());
            }
        });
        connection.On<JsonElement>("ExecutionProgressed", progressed =>
        {
            if (Mine(progressed, "execution_id"))
            {
                var task = progressed.TryGetProperty("current_task", out var name) && name.ValueKind == JsonValueKind.String ? $" · {name.GetString()}" : "";
                signals.Writer.TryWrite(new TailSignal.Progressed($"running · {progressed.GetProperty("progress_percentage")}%{task}"));
            }
        });
        connection.Reconnected += _ =>
        {
            signals.Writer.TryWrite(new TailSignal.Reconnected());
            return Task.CompletedTask;
        };
    }

    /// <summary>The next signal, or null after <see cref="StallAfter"/> without one.</summary>
    private async Task<TailSignal?> NextAsync(CancellationToken cancellationToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stall.CancelAfter(StallAfter);
        try
        {
            return await signals.Reader.ReadAsync(stall.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private async Task ConnectAsync(HubConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.StartAsync(cancellationToken);
        }
        catch (HttpRequestException exception) when (exception.StatusCode is System.Net.HttpStatusCode.Unauthorized or System.Net.HttpStatusCode.Forbidden)
        {
            throw new CliException($"The Gateway's hub did not accept the credential. Give an API key with --api-key or {GatewayOptions.ApiKeyVariable}.");
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"Could not connect to the Gateway's hub at {new Uri(gateway.BaseUrl, GatewayClient.HubPath)}: {exception.Message}");
        }
    }

    /// <summary>Subscribes; a connection lost meanwhile is no failure, since reconnecting subscribes again.</summary>
    private static async Task SubscribeAsync(HubConnection connection, Guid executionId, long after, CancellationToken cancellationToken)
    {
        try
        {
            await connection.InvokeAsync("SubscribeToOutput", executionId, after, cancellationToken);
        }
        catch (HubException exception)
        {
            // The client prefixes the hub's own message ("Execution … does not exist.") with where it failed.
            const string HubMessage = "HubException: ";
            var start = exception.Message.IndexOf(HubMessage, StringComparison.Ordinal);
            throw new CliException(start < 0 ? exception.Message : exception.Message[(start + HubMessage.Length)..]);
        }
        catch (Exception exception) when (exception is InvalidOperationException or IOException && connection.State != HubConnectionState.Connected)
        {
        }
    }

    private string Describe(ExecutionView execution) =>
        execution.Status switch
        {
            ExecutionStatus.Pending => "pending: waiting for the Launcher",
            ExecutionStatus.Waiting => "waiting for AWX to start the job",
            ExecutionStatus.Running => $"running · {execution.Text("progress_percentage")}%{(execution.Text("current_task") is { } task ? " · " + task : "")}",
            _ => $"{execution.StatusText}: copying the last events",
        };

    private async Task WriteEndAsync(ExecutionView execution, long written)
    {
        if (json)
        {
            return;
        }

        var incomplete = execution.Complete is false ? $"; output incomplete, AWX never showed counters {execution.Text("missing_counters")}" : "";
        var explanation = execution.Text("status_explanation") is { } why ? $": {why}" : "";
        await console.Error.WriteLineAsync(
            $"execution {execution.Id} {Ansi.Status(execution.StatusText, console.ErrorColour)}{explanation} ({written} events{incomplete})");
    }
}
