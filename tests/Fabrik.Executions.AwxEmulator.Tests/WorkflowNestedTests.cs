using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowNestedTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task A_workflow_node_spawns_a_workflow_job_that_runs_its_own_nodes_before_the_outer_workflow_goes_on()
    {
        var workflowJobId = await Workflows.LaunchAsync(13);

        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);
        var inner = nodes["inner"];
        var innerJobId = WorkflowApi.JobId(inner);
        var innerJob = await Api.GetAsync($"/api/v2/workflow_jobs/{innerJobId}/");
        var innerNodes = await Workflows.NodesAsync(innerJobId);
        var after = await Api.JobAsync(WorkflowApi.JobId(nodes["after"]));

        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("successful"));
        Assert.That(inner.GetProperty("summary_fields").GetProperty("job").GetProperty("type").GetString(), Is.EqualTo("workflow_job"));
        Assert.That(inner.GetProperty("summary_fields").GetProperty("unified_job_template").GetProperty("unified_job_type").GetString(), Is.EqualTo("workflow_job"));
        Assert.That(innerJob.GetProperty("launch_type").GetString(), Is.EqualTo("workflow"));
        Assert.That(innerJob.GetProperty("workflow_job_template").GetInt32(), Is.EqualTo(10));
        Assert.That(innerJob.GetProperty("summary_fields").GetProperty("source_workflow_job").GetProperty("id").GetInt32(), Is.EqualTo(workflowJobId));
        Assert.That(WorkflowApi.Status(innerJob), Is.EqualTo("successful"));
        Assert.That(innerNodes.Keys, Is.EquivalentTo(new[] { "deploy", "announce", "rollback", "report" }));
        Assert.That(WorkflowApi.JobStatus(innerNodes["rollback"]), Is.EqualTo("successful"));
        Assert.That(after.GetProperty("created").GetDateTimeOffset(), Is.GreaterThanOrEqualTo(innerJob.GetProperty("finished").GetDateTimeOffset()));
    }

    [Test]
    public async Task A_workflow_that_would_spawn_itself_fails_its_nested_job_with_the_recursion_explanation()
    {
        var template = await Workflows.CreateTemplateAsync("recursive");
        await Workflows.AddNodeAsync(template, "itself", extraData: new { }, unifiedJobTemplate: template);

        var workflowJobId = await Workflows.LaunchAsync(template);
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nested = await Api.GetAsync($"/api/v2/workflow_jobs/{WorkflowApi.JobId((await Workflows.NodesAsync(workflowJobId))["itself"])}/");

        Assert.That(WorkflowApi.Status(nested), Is.EqualTo("failed"));
        Assert.That(nested.GetProperty("job_explanation").GetString(), Does.Contain("would result in recursion"));
        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("failed"));
    }
}
