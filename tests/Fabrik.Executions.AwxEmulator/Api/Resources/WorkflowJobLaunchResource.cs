using System.Text.Json;
using System.Text.Json.Serialization;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's WorkflowJobTemplateLaunch answer: <c>workflow_job</c>, <c>ignored_fields</c>, then the workflow job.</summary>
internal sealed class WorkflowJobLaunchResource(EmulatedWorkflowJob workflowJob, DateTimeOffset now) : WorkflowJobResource(workflowJob, now)
{
    [JsonPropertyOrder(-1)]
    public int WorkflowJob { get; } = workflowJob.Id;

    [JsonPropertyOrder(-1)]
    public IReadOnlyDictionary<string, JsonElement> IgnoredFields { get; } = workflowJob.IgnoredFields;
}
