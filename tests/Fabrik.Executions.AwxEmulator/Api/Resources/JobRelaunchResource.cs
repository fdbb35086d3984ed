using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>The relaunch answer: the new job, with <c>job</c> added "to match what old relaunch returned" (AWX).</summary>
internal sealed class JobRelaunchResource(JobView view) : JobResource(view)
{
    [JsonPropertyOrder(-1)]
    public int Job { get; } = view.Job.Id;
}
