using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Workflows;

/// <summary>What a workflow node spawned: a playbook job, a nested workflow job or an approval.</summary>
internal interface INodeJob
{
    int Id { get; }

    string Name { get; }

    string Description { get; }

    /// <summary><c>job</c>, <c>workflow_job</c> or <c>workflow_approval</c>.</summary>
    string Type { get; }

    string Url { get; }

    NodeJobState StateAt(DateTimeOffset now);

    /// <summary>AWX's get_effective_artifacts: what set_stats published, a JSON object.</summary>
    JsonElement EffectiveArtifacts();

    /// <summary>False once the job can no longer be canceled.</summary>
    bool TryCancel(DateTimeOffset now);
}
