using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Executions.Gateway.Tests;

public sealed class ExecutionsHubTests
{
    private GatewayEnvironment environment = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => environment = await GatewayEnvironment.SharedAsync();

    [Test]
    public async Task Subscriber_gets_the_history_then_live_events_without_a_gap()
    {
        const long jobId = 81;
        var executionId = await environment.Data.CreateRunningAsync(jobId);
        await environment.Data.StoreAsync(executionId, jobId, SampleEvents.Range(executionId, jobId, 1, 300));
        await using var browser = await HubRecorder.ConnectAsync(environment.Gateway);

        // The poller keeps storing and then publishing while the browser subscribes, so replay and live overlap.
        var firstLiveChunk = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var poller = Task.Run(async () =>
        {
            foreach (var chunk in SampleEvents.Range(executionId, jobId, 301, 600).Chunk(10))
            {
                await environment.Data.StoreAsync(executionId, jobId, chunk);
                await environment.Bus.PublishAsync(SampleEvents.Watched(chunk));
                firstLiveChunk.TrySetResult();
            }
        });
        await firstLiveChunk.Task;
        await browser.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);
        await poller;

        await browser.WaitForCountersAsync(jobId, 600);
        Assert.That(browser.JobEventCalls, Has.All.Ordered, "each JobEvents call is in counter order");
        await browser.WaitForAsync("ExecutionSnapshot", executionId);
        Assert.That(browser.Received("ExecutionSnapshot").Single().GetProperty("status").GetString(), Is.EqualTo("running"));
    }

    [Test]
    public async Task A_published_page_reaches_the_subscriber_as_one_call_in_counter_order_without_duplicates()
    {
        const long jobId = 89;
        var executionId = await environment.Data.CreateRunningAsync(jobId);
        await using var browser = await HubRecorder.ConnectAsync(environment.Gateway);
        await browser.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);

        var events = SampleEvents.Range(executionId, jobId, 1, 5);
        await environment.Bus.PublishAsync(SampleEvents.Watched([events[2], events[0], events[1], events[1], events[4], events[3]]));

        await browser.WaitForCountersAsync(jobId, 5);
        Assert.That(browser.JobEventCalls, Is.EqualTo(new[] { new long[] { 1, 2, 3, 4, 5 } }), "nothing was stored to replay, so the page is the one call");
        Assert.That(browser.Duplicates(), Is.Empty);
    }

    [Test]
    public async Task Subscriber_to_a_finished_execution_gets_the_whole_history_and_the_final_status()
    {
        const long jobId = 82;
        var executionId = await environment.Data.CreateRunningAsync(jobId);
        await environment.Data.StoreAsync(executionId, jobId, SampleEvents.Range(executionId, jobId, 1, 1200));
        await environment.Data.Executions.FinishAsync(executionId, ExecutionStatus.Failed, "2 hosts failed", 1200, [], true, 30, CancellationToken.None);
        await using var browser = await HubRecorder.ConnectAsync(environment.Gateway);
        await using var resumingBrowser = await HubRecorder.ConnectAsync(environment.Gateway);

        await browser.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);
        await resumingBrowser.Connection.InvokeAsync("SubscribeToOutput", executionId, 1000L);

        // The snapshot follows the replay on the same connection, so by then the whole history has arrived.
        await browser.WaitForAsync("ExecutionSnapshot", executionId);
        Assert.That(browser.JobEventCalls.SelectMany(call => call), Is.EqualTo(Enumerable.Range(1, 1200).Select(counter => (long)counter)));
        Assert.That(browser.JobEventCalls.Select(call => call.Count), Is.EqualTo(new[] { 100, 1000, 100 }), "a screenful first, then large batches");
        var snapshot = browser.Received("ExecutionSnapshot").Single();
        Assert.Multiple(() =>
        {
            Assert.That(snapshot.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(snapshot.GetProperty("status_explanation").GetString(), Is.EqualTo("2 hosts failed"));
            Assert.That(snapshot.GetProperty("final_counter").GetInt64(), Is.EqualTo(1200));
            Assert.That(snapshot.GetProperty("complete").GetBoolean(), Is.True);
        });

        await resumingBrowser.WaitForAsync("ExecutionSnapshot", executionId);
        Assert.That(resumingBrowser.JobEventCalls.SelectMany(call => call), Is.EqualTo(Enumerable.Range(1001, 200).Select(counter => (long)counter)));
    }

    [Test]
    public async Task Subscriber_to_a_workflow_gets_the_state_of_every_stored_node_before_the_snapshot()
    {
        var executionId = await environment.Data.CreateRunningWorkflowAsync(awxWorkflowJobId: 85);
        await environment.Data.Workflows.UpsertNodeAsync(Node(executionId, 1, "prepare", WorkflowNodeState.Successful, jobType: "job", jobId: 86), CancellationToken.None);
        await environment.Data.Workflows.UpsertNodeAsync(Node(executionId, 2, "change window", WorkflowNodeState.Waiting, jobType: "workflow_approval", jobId: 87), CancellationToken.None);
        await environment.Data.Workflows.UpsertApprovalAsync(new WorkflowApprovalRecord
        {
            ExecutionId = executionId, ApprovalId = 87, NodeId = 2, WorkflowJobId = 85, Name = "change window",
            Description = "Push to production?", TimeoutSeconds = 600, Status = "pending",
        }, CancellationToken.None);
        await using var browser = await HubRecorder.ConnectAsync(environment.Gateway);

        await browser.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);

        await browser.WaitForAsync("ExecutionSnapshot", executionId);
        var nodes = browser.Received("WorkflowNodeChanged").ToDictionary(node => node.GetProperty("name").GetString()!);
        Assert.That(nodes.Keys, Is.EquivalentTo(new[] { "prepare", "change window" }), "replayed before the snapshot");
        Assert.Multiple(() =>
        {
            Assert.That(nodes["prepare"].GetProperty("state").GetString(), Is.EqualTo("successful"));
            Assert.That(nodes["prepare"].GetProperty("job_id").GetInt64(), Is.EqualTo(86));
            Assert.That(nodes["prepare"].GetProperty("kind").GetString(), Is.EqualTo("job"));
            Assert.That(nodes["change window"].GetProperty("state").GetString(), Is.EqualTo("waiting"));
            Assert.That(nodes["change window"].GetProperty("approval").GetProperty("approval_id").GetInt64(), Is.EqualTo(87));
            Assert.That(nodes["change window"].GetProperty("approval").GetProperty("description").GetString(), Is.EqualTo("Push to production?"));
        });
    }

    [Test]
    public async Task Subscriber_to_a_job_gets_no_workflow_nodes()
    {
        var executionId = await environment.Data.CreateRunningWithEventsAsync(awxJobId: 88, events: 3);
        await using var browser = await HubRecorder.ConnectAsync(environment.Gateway);

        await browser.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);

        await browser.WaitForAsync("ExecutionSnapshot", executionId);
        Assert.That(browser.Received("WorkflowNodeChanged"), Is.Empty);
    }

    [Test]
    public async Task Monitor_receives_status_progress_ends_and_results_of_every_execution()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await using var monitor = await HubRecorder.ConnectAsync(environment.Gateway);
        await monitor.Connection.InvokeAsync("SubscribeToMonitor");

        await environment.Bus.PublishAsync(StatusChanged(first, ExecutionStatus.Waiting, ExecutionStatus.Running));
        await environment.Bus.PublishAsync(StatusChanged(second, ExecutionStatus.Running, ExecutionStatus.Canceled));
        await environment.Bus.PublishAsync(new ExecutionProgressed { ExecutionId = first, ProgressPercentage = 40, CurrentTask = "Push tenant", Watermark = 17 });
        await environment.Bus.PublishAsync(Finished(first));
        await environment.Bus.PublishAsync(ResultsParsed(first));

        await monitor.WaitForAsync("ExecutionStatusChanged", first);
        await monitor.WaitForAsync("ExecutionStatusChanged", second);
        await monitor.WaitForAsync("ExecutionProgressed", first);
        await monitor.WaitForAsync("ExecutionFinished", first);
        await monitor.WaitForAsync("ExecutionResultsParsed", first);
        var canceled = monitor.Received("ExecutionStatusChanged").Single(change => change.GetProperty("execution_id").GetGuid() == second);
        Assert.That(canceled.GetProperty("status").GetString(), Is.EqualTo("canceled"));
        Assert.That(canceled.GetProperty("previous_status").GetString(), Is.EqualTo("running"));
        var progress = monitor.Received("ExecutionProgressed").Single();
        Assert.That(progress.GetProperty("progress_percentage").GetInt32(), Is.EqualTo(40));
        Assert.That(progress.GetProperty("current_task").GetString(), Is.EqualTo("Push tenant"));
        var results = monitor.Received("ExecutionResultsParsed").Single();
        Assert.That(results.GetProperty("hosts")[0].GetProperty("status").GetString(), Is.EqualTo("failed"));
        Assert.That(results.GetProperty("source").GetString(), Is.EqualTo("job_host_summaries"));
    }

    [Test]
    public async Task Output_subscriber_receives_everything_about_its_execution_until_it_unsubscribes()
    {
        var executionId = await environment.Data.CreateRunningAsync(awxJobId: 83);
        await using var leaving = await HubRecorder.ConnectAsync(environment.Gateway);
        await using var staying = await HubRecorder.ConnectAsync(environment.Gateway);
        await leaving.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);
        await staying.Connection.InvokeAsync("SubscribeToOutput", executionId, 0L);

        await environment.Bus.PublishAsync(Heartbeat(executionId, 1));
        await environment.Bus.PublishAsync(new WorkflowNodeChanged { ExecutionId = executionId, NodeId = 5, Name = "Configure", State = WorkflowNodeState.Running, JobId = 84 });
        await environment.Bus.PublishAsync(StatusChanged(executionId, ExecutionStatus.Running, ExecutionStatus.Successful));
        await environment.Bus.PublishAsync(Finished(executionId));
        foreach (var method in new[] { "StreamHeartbeat", "WorkflowNodeChanged", "ExecutionStatusChanged", "ExecutionFinished" })
        {
            await leaving.WaitForAsync(method, executionId);
        }

        Assert.That(leaving.Received("WorkflowNodeChanged").Single().GetProperty("state").GetString(), Is.EqualTo("running"));

        await leaving.Connection.InvokeAsync("UnsubscribeFromOutput", executionId);
        await environment.Bus.PublishAsync(Heartbeat(executionId, 2));
        await Eventually.TrueAsync(() => Task.FromResult(staying.Received("StreamHeartbeat").Count == 2), "the second heartbeat");
        Assert.That(leaving.Received("StreamHeartbeat"), Has.Count.EqualTo(1), "pushed after unsubscribing");
    }

    private static ExecutionStatusChanged StatusChanged(Guid executionId, ExecutionStatus from, ExecutionStatus to) => new()
    {
        ExecutionId = executionId,
        PreviousStatus = from,
        Status = to,
        ChangedAt = DateTimeOffset.UtcNow,
    };

    private static WorkflowNodeRecord Node(Guid executionId, long nodeId, string name, WorkflowNodeState state, string jobType, long jobId) => new()
    {
        ExecutionId = executionId,
        NodeId = nodeId,
        WorkflowJobId = 85,
        Name = name,
        JobType = jobType,
        JobId = jobId,
        State = state,
    };

    private static StreamHeartbeat Heartbeat(Guid executionId, long watermark) =>
        new() { ExecutionId = executionId, Watermark = watermark, SentAt = DateTimeOffset.UtcNow };

    private static ExecutionFinished Finished(Guid executionId) => new()
    {
        ExecutionId = executionId,
        AwxJobId = 83,
        Status = ExecutionStatus.Successful,
        FinalCounter = 40,
        Complete = true,
        MissingCounters = [],
        FinishedAt = DateTimeOffset.UtcNow,
    };

    private static ExecutionResultsParsed ResultsParsed(Guid executionId) => new()
    {
        ExecutionId = executionId,
        Status = ExecutionStatus.Successful,
        PartialSuccess = true,
        Hosts = [new HostResult { Host = "leaf-2.lab", Status = HostOutcome.Failed, Ok = 1, Changed = 0, Failed = 1, Unreachable = 0, Skipped = 0 }],
        Source = HostResultsSource.JobHostSummaries,
    };
}
