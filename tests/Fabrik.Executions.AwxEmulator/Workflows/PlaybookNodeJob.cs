using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Workflows;

internal sealed class PlaybookNodeJob(EmulatedJob job) : INodeJob
{
    public int Id => job.Id;

    public string Name => job.Template.Name;

    public string Description => job.Template.Description;

    public string Type => "job";

    public string Url => AwxUrls.Job(job.Id);

    public NodeJobState StateAt(DateTimeOffset now)
    {
        var state = job.State;
        return new NodeJobState(state.Status, UnifiedJobElapsed.Of(state.Started, state.Finished, now), state.Finished, state.CanceledOn);
    }

    public JsonElement EffectiveArtifacts() => job.State.Artifacts;

    public bool TryCancel(DateTimeOffset now) => job.TryCancel(now);
}
