using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowBranchTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task A_failed_node_runs_its_failure_and_always_children_skips_its_success_child_and_the_workflow_succeeds()
    {
        var workflowJobId = await Workflows.LaunchAsync(10);

        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);

        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("successful"));
        Assert.That(workflowJob.GetProperty("failed").GetBoolean(), Is.False);
        Assert.That(WorkflowApi.JobStatus(nodes["deploy"]), Is.EqualTo("failed"));
        Assert.That(WorkflowApi.JobStatus(nodes["rollback"]), Is.EqualTo("successful"));
        Assert.That(WorkflowApi.JobStatus(nodes["report"]), Is.EqualTo("successful"));
        Assert.That(WorkflowApi.DoNotRun(nodes["announce"]), Is.True);
        Assert.That(nodes["announce"].GetProperty("job").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task Do_not_run_propagates_down_a_path_that_cannot_fire_and_an_unhandled_failure_fails_the_workflow()
    {
        var template = await Workflows.CreateTemplateAsync("unhandled failure");
        var first = await Workflows.AddNodeAsync(template, "first", WorkflowApi.Playbook(new { emulator_failed_hosts = 1 }));
        var second = await Workflows.AddNodeAsync(template, "second");
        var third = await Workflows.AddNodeAsync(template, "third");
        await Workflows.LinkAsync(first, "success", second);
        await Workflows.LinkAsync(second, "always", third);

        var workflowJobId = await Workflows.LaunchAsync(template);
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);

        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("failed"));
        Assert.That(workflowJob.GetProperty("job_explanation").GetString(), Is.EqualTo("No error handling paths found, marking workflow as failed"));
        Assert.That(WorkflowApi.JobStatus(nodes["first"]), Is.EqualTo("failed"));
        Assert.That(WorkflowApi.DoNotRun(nodes["second"]), Is.True);
        Assert.That(WorkflowApi.DoNotRun(nodes["third"]), Is.True, "an always edge from a node that never ran does not fire");
    }

    [Test]
    public async Task Spawned_jobs_are_ordinary_jobs_launched_by_the_workflow_with_their_node_extra_data_and_the_workflow_vars()
    {
        var workflowJobId = await Workflows.LaunchAsync(10, new { ticket = "CHG-1" });
        await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);

        var deploy = await Api.JobAsync(WorkflowApi.JobId(nodes["deploy"]));
        var extraVars = JsonDocument.Parse(deploy.GetProperty("extra_vars").GetString()!).RootElement;
        var events = await Api.AllEventsAsync(WorkflowApi.JobId(nodes["deploy"]));

        Assert.That(deploy.GetProperty("launch_type").GetString(), Is.EqualTo("workflow"));
        Assert.That(deploy.GetProperty("summary_fields").GetProperty("source_workflow_job").GetProperty("id").GetInt32(), Is.EqualTo(workflowJobId));
        Assert.That(deploy.GetProperty("related").GetProperty("source_workflow_job").GetString(), Is.EqualTo($"/api/v2/workflow_jobs/{workflowJobId}/"));
        Assert.That(extraVars.GetProperty("ticket").GetString(), Is.EqualTo("CHG-1"));
        Assert.That(extraVars.GetProperty("emulator_failed_hosts").GetInt32(), Is.EqualTo(1));
        Assert.That(events, Has.Count.EqualTo(30));
    }
}
