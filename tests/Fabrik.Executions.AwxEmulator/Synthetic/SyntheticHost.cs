namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>A host of the synthetic inventory; <see cref="LoopItems"/> pads the event count to the exact number asked for.</summary>
internal sealed record SyntheticHost(int Index, string Name, HostFate Fate, int LoopItems);
