using System.Net;
using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Tests.Support;

namespace Fabrik.Executions.AwxEmulator.Tests;

public sealed class WorkflowTemplateEditingTests : EmulatorTest
{
    private WorkflowApi Workflows => new(Api);

    [Test]
    public async Task A_copy_with_a_credential_bound_on_its_nodes_runs_them_with_it_and_is_deleted_afterwards()
    {
        var (copied, copy) = await Api.SendAsync(HttpMethod.Post, "/api/v2/workflow_job_templates/10/copy/", new { name = "ephemeral clone" });
        var copyId = copy.GetProperty("id").GetInt32();
        var original = await TemplateNodesAsync(10);
        var nodes = await TemplateNodesAsync(copyId);
        foreach (var node in nodes.Values)
        {
            var (bound, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{node.GetProperty("id")}/credentials/", new { id = 42 });
            Assert.That(bound, Is.EqualTo(HttpStatusCode.NoContent));
        }
        var credentials = await Api.GetAsync($"/api/v2/workflow_job_template_nodes/{nodes["deploy"].GetProperty("id")}/credentials/");

        var workflowJobId = await Workflows.LaunchAsync(copyId);
        await Workflows.WaitUntilOverAsync(workflowJobId);
        var rollback = await Api.JobAsync(WorkflowApi.JobId((await Workflows.NodesAsync(workflowJobId))["rollback"]));
        var (deleted, _) = await Api.SendAsync(HttpMethod.Delete, $"/api/v2/workflow_job_templates/{copyId}/");
        var (gone, _) = await Api.SendAsync(HttpMethod.Get, $"/api/v2/workflow_job_templates/{copyId}/");
        var (nodeGone, _) = await Api.SendAsync(HttpMethod.Get, $"/api/v2/workflow_job_template_nodes/{nodes["deploy"].GetProperty("id")}/");

        Assert.That(copied, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(copy.GetProperty("name").GetString(), Is.EqualTo("ephemeral clone"));
        Assert.That(nodes.Keys, Is.EquivalentTo(original.Keys));
        Assert.That(nodes.Values.Select(node => node.GetProperty("id").GetInt32()), Has.None.AnyOf(original.Values.Select(node => node.GetProperty("id").GetInt32()).ToArray()));
        Assert.That(nodes["deploy"].GetProperty("failure_nodes")[0].GetInt32(), Is.EqualTo(nodes["rollback"].GetProperty("id").GetInt32()),
            "edges point at the copied nodes");
        Assert.That(nodes["deploy"].GetProperty("extra_data").GetRawText(), Is.EqualTo(original["deploy"].GetProperty("extra_data").GetRawText()));
        Assert.That(credentials.GetProperty("results")[0].GetProperty("id").GetInt32(), Is.EqualTo(42));
        Assert.That(rollback.GetProperty("summary_fields").GetProperty("credentials")[0].GetProperty("id").GetInt32(), Is.EqualTo(42));
        Assert.That((await TemplateNodesAsync(10))["deploy"].TryGetProperty("id", out _), Is.True);
        Assert.That((await Api.GetAsync($"/api/v2/workflow_job_template_nodes/{original["deploy"].GetProperty("id")}/credentials/")).GetProperty("count").GetInt32(),
            Is.Zero, "the original's nodes keep their own credentials");
        Assert.That(deleted, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(gone, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(nodeGone, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task A_credential_disassociated_from_a_node_is_no_longer_listed()
    {
        var template = await Workflows.CreateTemplateAsync("credentials");
        var node = await Workflows.AddNodeAsync(template, "only");

        await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{node}/credentials/", new { id = 7 });
        await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{node}/credentials/", new { id = 8 });
        var (removed, _) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{node}/credentials/", new { id = 7, disassociate = true });
        var credentials = await Api.GetAsync($"/api/v2/workflow_job_template_nodes/{node}/credentials/");

        Assert.That(removed, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That(credentials.GetProperty("results").EnumerateArray().Select(credential => credential.GetProperty("id").GetInt32()), Is.EqualTo(new[] { 8 }));
    }

    [Test]
    public async Task An_edge_that_would_close_a_cycle_or_double_a_relationship_is_refused()
    {
        var template = await Workflows.CreateTemplateAsync("cycle");
        var first = await Workflows.AddNodeAsync(template, "first");
        var second = await Workflows.AddNodeAsync(template, "second");
        await Workflows.LinkAsync(first, "success", second);

        var (cycle, cycleBody) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{second}/always_nodes/", new { id = first });
        var (twice, twiceBody) = await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{first}/failure_nodes/", new { id = second });
        var firstNode = await Api.GetAsync($"/api/v2/workflow_job_template_nodes/{first}/");

        Assert.That(cycle, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(cycleBody.GetProperty("Error").GetString(), Is.EqualTo("Cycle detected."));
        Assert.That(twice, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(twiceBody.GetProperty("Error").GetString(), Is.EqualTo("Relationship not allowed."));
        Assert.That(firstNode.GetProperty("failure_nodes").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task A_template_with_a_running_workflow_job_cannot_be_deleted()
    {
        var template = await Workflows.CreateTemplateAsync("busy");
        await Workflows.AddNodeAsync(template, "slow", new { emulator_events = 3000, emulator_hosts = 3, emulator_events_per_second = 300 });
        var workflowJobId = await Workflows.LaunchAsync(template);

        var (status, body) = await Api.SendAsync(HttpMethod.Delete, $"/api/v2/workflow_job_templates/{template}/");
        await Api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_jobs/{workflowJobId}/cancel/");

        Assert.That(status, Is.EqualTo(HttpStatusCode.Conflict));
        Assert.That(body.GetProperty("error").GetString(), Is.EqualTo("Resource is being used by running jobs."));
        Assert.That(body.GetProperty("active_jobs")[0].GetProperty("id").GetInt32(), Is.EqualTo(workflowJobId));
    }

    [Test]
    public async Task A_workflow_job_templates_extra_vars_are_defaults_that_the_launch_overrides()
    {
        var (_, template) = await Api.SendAsync(HttpMethod.Post, "/api/v2/workflow_job_templates/",
            new { name = "with defaults", extra_vars = new { site = "lab", tier = "bronze" } });
        var templateId = template.GetProperty("id").GetInt32();
        await Workflows.AddNodeAsync(templateId, "only");

        var workflowJobId = await Workflows.LaunchAsync(templateId, new { tier = "gold" });
        var workflowJob = await Workflows.WaitUntilOverAsync(workflowJobId);
        var job = await Api.JobAsync(WorkflowApi.JobId((await Workflows.NodesAsync(workflowJobId))["only"]));

        Assert.That(JsonDocument.Parse(workflowJob.GetProperty("extra_vars").GetString()!).RootElement.GetRawText(),
            Is.EqualTo("""{"site":"lab","tier":"gold"}"""));
        Assert.That(JsonDocument.Parse(job.GetProperty("extra_vars").GetString()!).RootElement.GetProperty("tier").GetString(), Is.EqualTo("gold"));
        Assert.That(template.GetProperty("extra_vars").GetString(), Does.Contain("bronze"));
    }

    private async Task<Dictionary<string, JsonElement>> TemplateNodesAsync(int templateId) =>
        (await Api.WalkAsync($"/api/v2/workflow_job_templates/{templateId}/workflow_nodes/"))
            .ToDictionary(node => node.GetProperty("identifier").GetString()!);
}
