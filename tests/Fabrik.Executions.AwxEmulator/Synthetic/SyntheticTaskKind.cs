namespace Fabrik.Executions.AwxEmulator.Synthetic;

internal enum SyntheticTaskKind
{
    GatherFacts,
    Configure,
    ShowConfig,
    Verify,
    PublishResults,
}
