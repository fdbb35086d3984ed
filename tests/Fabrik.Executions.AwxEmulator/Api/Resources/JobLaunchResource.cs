using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>The launch answer: <c>job</c> and <c>ignored_fields</c>, then the job as JobSerializer shows it.</summary>
internal sealed class JobLaunchResource(JobView view) : JobResource(view)
{
    [JsonPropertyOrder(-1)]
    public int Job { get; } = view.Job.Id;

    [JsonPropertyOrder(-1)]
    public IReadOnlyDictionary<string, JsonElement> IgnoredFields { get; } = view.Job.Request.IgnoredFields;
}
