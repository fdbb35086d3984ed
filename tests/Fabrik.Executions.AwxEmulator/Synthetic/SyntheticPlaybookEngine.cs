using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Events;
using Fabrik.Executions.AwxEmulator.Jobs;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

internal sealed class SyntheticPlaybookEngine(JobEventIngestor ingestor, TimeProvider time) : IPlaybookEngine
{
    public string Playbook => SyntheticEventStream.Playbook;

    public PlaybookPreparation Prepare(LaunchRequest request)
    {
        var errors = new FieldErrors();
        var settings = SyntheticRunSettings.Read(request.ExtraVars, errors);
        var plan = errors.IsEmpty ? SyntheticPlan.Build(settings, request.Limit, errors) : null;
        return plan is null
            ? PlaybookPreparation.Rejected(errors)
            : PlaybookPreparation.Ready(new SyntheticPlaybookRun(plan, request.Limit, ingestor, time));
    }
}
