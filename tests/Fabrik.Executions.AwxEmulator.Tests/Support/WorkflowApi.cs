using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Tests.Support;

/// <summary>The workflow calls tests make, over plain HTTP as an AWX client would.</summary>
public sealed class WorkflowApi(AwxApi api)
{
    /// <summary>A small, fast synthetic playbook for a node, with any more emulator_* vars.</summary>
    public static Dictionary<string, object> Playbook(object? moreVars = null)
    {
        var variables = new Dictionary<string, object> { ["emulator_events"] = 30, ["emulator_hosts"] = 2, ["emulator_events_per_second"] = 0 };
        foreach (var property in JsonSerializer.SerializeToElement(moreVars ?? new object()).EnumerateObject())
        {
            variables[property.Name] = property.Value;
        }
        return variables;
    }

    public async Task<int> LaunchAsync(int templateId, object? extraVars = null)
    {
        var (status, body) = await api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_templates/{templateId}/launch/",
            new { extra_vars = extraVars ?? new object() });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body.GetProperty("workflow_job").GetInt32();
    }

    public Task<JsonElement> WaitUntilOverAsync(int workflowJobId) =>
        Eventually.UntilAsync(() => api.GetAsync($"/api/v2/workflow_jobs/{workflowJobId}/"), AwxApi.IsTerminal,
            $"workflow job {workflowJobId} to end", TimeSpan.FromSeconds(30));

    /// <summary>The workflow job's nodes by identifier.</summary>
    public async Task<Dictionary<string, JsonElement>> NodesAsync(int workflowJobId) =>
        (await api.WalkAsync($"/api/v2/workflow_jobs/{workflowJobId}/workflow_nodes/"))
            .ToDictionary(node => node.GetProperty("identifier").GetString()!);

    public Task<Dictionary<string, JsonElement>> WaitForNodesAsync(int workflowJobId, Func<Dictionary<string, JsonElement>, bool> condition, string what) =>
        Eventually.UntilAsync(() => NodesAsync(workflowJobId), condition, $"workflow job {workflowJobId}: {what}", TimeSpan.FromSeconds(30));

    public async Task<int> CreateTemplateAsync(string name)
    {
        var (status, body) = await api.SendAsync(HttpMethod.Post, "/api/v2/workflow_job_templates/", new { name });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body.GetProperty("id").GetInt32();
    }

    public async Task<int> AddNodeAsync(int templateId, string identifier, object? extraData = null, int unifiedJobTemplate = 1, bool allParentsMustConverge = false)
    {
        var (status, body) = await api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_templates/{templateId}/workflow_nodes/", new
        {
            identifier,
            unified_job_template = unifiedJobTemplate,
            extra_data = extraData ?? Playbook(),
            all_parents_must_converge = allParentsMustConverge,
        });
        Assert.That(status, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body.GetProperty("id").GetInt32();
    }

    /// <summary>Adds the edge; <paramref name="kind"/> is success, failure or always.</summary>
    public async Task LinkAsync(int parent, string kind, int child)
    {
        var (status, body) = await api.SendAsync(HttpMethod.Post, $"/api/v2/workflow_job_template_nodes/{parent}/{kind}_nodes/", new { id = child });
        Assert.That(status, Is.EqualTo(HttpStatusCode.NoContent), body.ToString());
    }

    public static string Status(JsonElement resource) => resource.GetProperty("status").GetString()!;

    /// <summary>The status of a workflow job node's job, or null while it has none.</summary>
    public static string? JobStatus(JsonElement node) =>
        node.GetProperty("summary_fields").TryGetProperty("job", out var job) ? job.GetProperty("status").GetString() : null;

    public static bool DoNotRun(JsonElement node) => node.GetProperty("do_not_run").GetBoolean();

    public static int JobId(JsonElement node) => node.GetProperty("job").GetInt32();
}
