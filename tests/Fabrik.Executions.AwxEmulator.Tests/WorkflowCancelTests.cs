using System.Net;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowCancelTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task Canceling_a_workflow_job_cancels_its_running_job_skips_the_rest_and_ends_canceled()
    {
        var template = await Workflows.CreateTemplateAsync("slow then more");
        var slow = await Workflows.AddNodeAsync(template, "slow",
            new { emulator_events = 3000, emulator_hosts = 3, emulator_events_per_second = 300 });
        var next = await Workflows.AddNodeAsync(template, "next");
        await Workflows.LinkAsync(slow, "always", next);
        var workflowJobId = await Workflows.LaunchAsync(template);
        var running = await Workflows.WaitForNodesAsync(workflowJobId, nodes => WorkflowApi.JobStatus(nodes["slow"]) == "running", "slow to run");

        var (status, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_jobs/{workflowJobId}/cancel/");
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);
        var (again, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_jobs/{workflowJobId}/cancel/");
        var availability = await Api.GetAsync($"/api/v2/workflow_jobs/{workflowJobId}/cancel/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("canceled"));
        Assert.That(workflowJob.GetProperty("canceled_on").ValueKind, Is.Not.EqualTo(System.Text.Json.JsonValueKind.Null));
        Assert.That(WorkflowApi.Status(await Api.JobAsync(WorkflowApi.JobId(running["slow"]))), Is.EqualTo("canceled"));
        Assert.That(WorkflowApi.DoNotRun(nodes["next"]), Is.True, "no new node starts once the workflow job is canceled");
        Assert.That(again, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        Assert.That(availability.GetProperty("can_cancel").GetBoolean(), Is.False);
    }
}
