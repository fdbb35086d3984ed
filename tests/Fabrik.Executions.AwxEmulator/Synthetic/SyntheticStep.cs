using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>An event of the synthetic playbook; <see cref="StartsTask"/> marks where a cancel takes effect.</summary>
internal sealed record SyntheticStep(AnsibleRunnerEvent Event, bool StartsTask);
