namespace Fabrik.Executions.Awx;

/// <summary>An entry of <c>/api/v2/jobs/{id}/job_host_summaries/</c>; AWX calls unreachable "dark".</summary>
public sealed record AwxHostSummary
{
    public string HostName { get; init; } = "";
    public int Ok { get; init; }
    public int Changed { get; init; }
    public int Dark { get; init; }
    public int Failures { get; init; }
    public int Skipped { get; init; }
    public int Ignored { get; init; }
    public int Rescued { get; init; }
    public bool Failed { get; init; }
}
