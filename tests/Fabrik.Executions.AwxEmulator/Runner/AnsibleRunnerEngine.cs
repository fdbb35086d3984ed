using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Runner;

/// <summary>The job template backed by a real <c>ansible-runner</c> and the playbook bundled with the emulator.</summary>
internal sealed class AnsibleRunnerEngine(string runnerPath, RunnerWorkspace workspace, JobEventIngestor ingestor, TimeProvider time) : IPlaybookEngine
{
    public const string BundledPlaybook = "emulator_localhost.yml";

    public string Playbook => BundledPlaybook;

    public string RunnerPath => runnerPath;

    public RunnerWorkspace Workspace => workspace;

    public string PlaybookSource { get; } = Path.Combine(AppContext.BaseDirectory, "Runner", "Playbooks", BundledPlaybook);

    public PlaybookPreparation Prepare(LaunchRequest request) =>
        PlaybookPreparation.Ready(new AnsibleRunnerPlaybookRun(this, request, ingestor, time));
}
