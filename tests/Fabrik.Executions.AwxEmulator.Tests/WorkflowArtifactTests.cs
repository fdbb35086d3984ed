using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowArtifactTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task Artifacts_a_node_publishes_with_set_stats_reach_the_downstream_job_as_extra_vars()
    {
        var workflowJobId = await Workflows.LaunchAsync(14);

        await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);
        var publish = await Api.JobAsync(WorkflowApi.JobId(nodes["publish"]));
        var consume = await Api.JobAsync(WorkflowApi.JobId(nodes["consume"]));
        var consumed = JsonDocument.Parse(consume.GetProperty("extra_vars").GetString()!).RootElement;

        var published = publish.GetProperty("artifacts").GetProperty("row_results");
        Assert.That(published.GetArrayLength(), Is.EqualTo(2));
        Assert.That(consumed.GetProperty("row_results").GetRawText(), Is.EqualTo(published.GetRawText()));
        Assert.That(JsonDocument.Parse(publish.GetProperty("extra_vars").GetString()!).RootElement.TryGetProperty("row_results", out _), Is.False,
            "a root node has no ancestors");
    }

    [Test]
    public async Task The_workflow_jobs_extra_vars_win_over_artifacts()
    {
        var workflowJobId = await Workflows.LaunchAsync(14, new { row_results = "from the launch" });

        await Workflows.WaitUntilOverAsync(workflowJobId);
        var consume = await Api.JobAsync(WorkflowApi.JobId((await Workflows.NodesAsync(workflowJobId))["consume"]));

        Assert.That(JsonDocument.Parse(consume.GetProperty("extra_vars").GetString()!).RootElement.GetProperty("row_results").GetString(),
            Is.EqualTo("from the launch"));
    }
}
