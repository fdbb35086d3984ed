namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>One row of AWX's JobHostSummary, made from <c>playbook_on_stats</c>.</summary>
internal sealed record HostSummaryRecord
{
    public required long Id { get; init; }

    public required string HostName { get; init; }

    public required int? HostId { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required int Changed { get; init; }

    public required int Dark { get; init; }

    public required int Failures { get; init; }

    public required int Ignored { get; init; }

    public required int Ok { get; init; }

    public required int Processed { get; init; }

    public required int Rescued { get; init; }

    public required int Skipped { get; init; }

    public bool Failed => Dark > 0 || Failures > 0;
}
