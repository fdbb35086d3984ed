namespace Fabrik.Executions.AwxEmulator.Synthetic;

internal sealed record SyntheticTask(int Index, string Name, string Action, SyntheticTaskKind Kind);
