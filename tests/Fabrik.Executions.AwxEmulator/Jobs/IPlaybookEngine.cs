using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Jobs;

/// <summary>What runs behind a job template: checks a launch and prepares the run.</summary>
internal interface IPlaybookEngine
{
    string Playbook { get; }

    PlaybookPreparation Prepare(LaunchRequest request);
}
