using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Jobs;

internal sealed record PlaybookPreparation(IPlaybookRun? Run, FieldErrors Errors)
{
    public static PlaybookPreparation Ready(IPlaybookRun run) => new(run, new FieldErrors());

    public static PlaybookPreparation Rejected(FieldErrors errors) => new(null, errors);
}
