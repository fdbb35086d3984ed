using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;
using MassTransit;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// Stands in for the Launcher's cancel, relaunch and approval consumers on the shared Gateway's virtual host: records
/// every command and answers with what the test scripted for its execution, changing the database as the Launcher
/// would; an execution with no script gets no answer, as from a Launcher that is down.
/// </summary>
internal sealed class StandInOperatorLauncher : IAsyncDisposable
{
    private readonly IBusControl bus;

    private StandInOperatorLauncher(IBusControl bus) => this.bus = bus;

    /// <summary>What to answer for an execution (the one canceled, or the one relaunched).</summary>
    public ConcurrentDictionary<Guid, Func<TestExecutions, object, Task<object>>> Scripts { get; } = new();

    public ConcurrentQueue<CancelExecution> Cancels { get; } = new();

    public ConcurrentQueue<RelaunchExecution> Relaunches { get; } = new();

    public ConcurrentQueue<DecideApproval> Decisions { get; } = new();

    /// <summary>How many commands of any kind reached it.</summary>
    public int Received => Cancels.Count + Relaunches.Count + Decisions.Count;

    public static async Task<StandInOperatorLauncher> StartAsync(Uri rabbitMq, TestExecutions data)
    {
        StandInOperatorLauncher? standIn = null;
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(rabbitMq);
            rabbit.ReceiveEndpoint("stand-in-operator-launcher", endpoint =>
            {
                endpoint.Handler<CancelExecution>(context =>
                {
                    standIn!.Cancels.Enqueue(context.Message);
                    return standIn.AnswerAsync(context, context.Message.ExecutionId, context.Message, data);
                });
                endpoint.Handler<RelaunchExecution>(context =>
                {
                    standIn!.Relaunches.Enqueue(context.Message);
                    return standIn.AnswerAsync(context, context.Message.RelaunchOf, context.Message, data);
                });
                endpoint.Handler<DecideApproval>(context =>
                {
                    standIn!.Decisions.Enqueue(context.Message);
                    return standIn.AnswerAsync(context, context.Message.ExecutionId, context.Message, data);
                });
            });
        });
        standIn = new StandInOperatorLauncher(bus);
        await bus.StartAsync();
        return standIn;
    }

    public static Func<TestExecutions, object, Task<object>> Rejects(RejectionReason reason, string detail) =>
        (_, command) => Task.FromResult<object>(new CommandRejected { ExecutionId = IdOf(command), Reason = reason, Detail = detail });

    /// <summary>Accepts the command, first moving the execution to <paramref name="status"/> as the Launcher would.</summary>
    public static Func<TestExecutions, object, Task<object>> Accepts(ExecutionStatus status) =>
        async (data, command) =>
        {
            await data.ExecuteAsync("update executions set status = @status, updated_at = now() where id = @id",
                new { status = status.ToString().ToLowerInvariant(), id = IdOf(command) });
            return new ExecutionAccepted { ExecutionId = IdOf(command), Status = status, AlreadyDone = false };
        };

    /// <summary>Accepts a relaunch, storing the new execution as the Launcher would.</summary>
    public static Func<TestExecutions, object, Task<object>> Relaunched() =>
        async (data, command) =>
        {
            var relaunch = (RelaunchExecution)command;
            await data.InsertAsync(new ExecutionSeed
            {
                Id = relaunch.ExecutionId,
                RelaunchOf = relaunch.RelaunchOf,
                RelaunchCount = 1,
                Status = "waiting",
                LaunchedBy = relaunch.RequestedBy,
            });
            return new ExecutionAccepted { ExecutionId = relaunch.ExecutionId, Status = ExecutionStatus.Waiting, AlreadyDone = false };
        };

    /// <summary>Accepts a decision, recording it on the stored approval as the Launcher does before it asks AWX.</summary>
    public static Func<TestExecutions, object, Task<object>> Decided() =>
        async (data, command) =>
        {
            var decision = (DecideApproval)command;
            var claimed = await data.Workflows.ClaimDecisionAsync(decision.ExecutionId, decision.ApprovalId, decision.DecidedBy, decision.Comment, CancellationToken.None);
            Assert.That(claimed, Is.True, $"approval {decision.ApprovalId} was pending");
            return new ExecutionAccepted { ExecutionId = decision.ExecutionId, Status = ExecutionStatus.Running, AlreadyDone = false };
        };

    public async ValueTask DisposeAsync() => await bus.StopAsync();

    private async Task AnswerAsync(ConsumeContext context, Guid executionId, object command, TestExecutions data)
    {
        if (!Scripts.TryGetValue(executionId, out var script))
        {
            return;
        }

        switch (await script(data, command))
        {
            case ExecutionAccepted accepted:
                await context.RespondAsync(accepted);
                break;
            case CommandRejected rejected:
                await context.RespondAsync(rejected);
                break;
        }
    }

    private static Guid IdOf(object command) => command switch
    {
        CancelExecution cancel => cancel.ExecutionId,
        RelaunchExecution relaunch => relaunch.RelaunchOf,
        DecideApproval decision => decision.ExecutionId,
        _ => throw new ArgumentException("Not an operator command.", nameof(command)),
    };
}
