namespace Fabrik.Executions.AwxEmulator.Jobs;

internal sealed record PlaybookOutcome(JobStatus Status, string Explanation = "", string Traceback = "");
