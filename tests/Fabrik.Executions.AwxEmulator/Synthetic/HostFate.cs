namespace Fabrik.Executions.AwxEmulator.Synthetic;

internal enum HostFate
{
    Healthy,
    FailsTask,
    Unreachable,
}
