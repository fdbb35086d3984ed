namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>
/// How one host ends a synthetic run. The same shape is the job's <c>artifacts.row_results</c> entry:
/// <c>{"host","status","ok","changed","failed","unreachable","skipped"}</c>, status one of ok, changed, failed, unreachable.
/// </summary>
public sealed record ExpectedHostOutcome(string Host, string Status, int Ok, int Changed, int Failed, int Unreachable, int Skipped);
