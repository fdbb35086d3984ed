using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>AWX's JobSerializer: the list fields plus the ones JobListSerializer drops. Launch and relaunch answer with it.</summary>
internal class JobResource(JobView view) : JobListItemResource(view)
{
    [JsonPropertyOrder(1)]
    public string JobArgs { get; } = JsonSerializer.Serialize(view.State.Invocation.Args);

    [JsonPropertyOrder(1)]
    public string JobCwd { get; } = view.State.Invocation.Cwd;

    [JsonPropertyOrder(1)]
    public IReadOnlyDictionary<string, string> JobEnv { get; } = view.State.Invocation.Env;

    [JsonPropertyOrder(1)]
    public string ResultTraceback { get; } = view.State.ResultTraceback;

    [JsonPropertyOrder(1)]
    public bool EventProcessingFinished { get; } = view.EventProcessingFinished;
}
