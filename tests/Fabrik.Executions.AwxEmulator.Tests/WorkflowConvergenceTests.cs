using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowConvergenceTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task Parallel_roots_start_in_the_same_pass_and_the_converging_node_runs_after_both()
    {
        var workflowJobId = await Workflows.LaunchAsync(11);

        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);
        var left = await Api.JobAsync(WorkflowApi.JobId(nodes["left"]));
        var right = await Api.JobAsync(WorkflowApi.JobId(nodes["right"]));
        var converge = await Api.JobAsync(WorkflowApi.JobId(nodes["converge"]));

        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("successful"));
        Assert.That(Math.Abs(left.GetProperty("id").GetInt32() - right.GetProperty("id").GetInt32()), Is.EqualTo(1),
            "both roots are spawned together, before either ends");
        Assert.That(converge.GetProperty("created").GetDateTimeOffset(),
            Is.GreaterThanOrEqualTo(left.GetProperty("finished").GetDateTimeOffset()).And.GreaterThanOrEqualTo(right.GetProperty("finished").GetDateTimeOffset()));
    }

    [TestCase(false, false, TestName = "Any convergence runs the child when one parent's edge fired")]
    [TestCase(true, true, TestName = "All convergence skips the child when one parent's edge did not fire")]
    public async Task Convergence_with_one_failed_parent(bool allParentsMustConverge, bool childSkipped)
    {
        var template = await Workflows.CreateTemplateAsync($"converge all={allParentsMustConverge}");
        var succeeds = await Workflows.AddNodeAsync(template, "succeeds");
        var fails = await Workflows.AddNodeAsync(template, "fails", WorkflowApi.Playbook(new { emulator_failed_hosts = 1 }));
        var child = await Workflows.AddNodeAsync(template, "child", allParentsMustConverge: allParentsMustConverge);
        await Workflows.LinkAsync(succeeds, "success", child);
        await Workflows.LinkAsync(fails, "success", child);

        var workflowJobId = await Workflows.LaunchAsync(template);
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var nodes = await Workflows.NodesAsync(workflowJobId);

        Assert.That(WorkflowApi.DoNotRun(nodes["child"]), Is.EqualTo(childSkipped));
        Assert.That(WorkflowApi.JobStatus(nodes["child"]), Is.EqualTo(childSkipped ? null : "successful"));
        Assert.That(nodes["child"].GetProperty("all_parents_must_converge").GetBoolean(), Is.EqualTo(allParentsMustConverge));
        Assert.That(WorkflowApi.Status(workflowJob), Is.EqualTo("failed"), "the failed parent has no failure or always path");
    }
}
