using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobHostSummaryResource
{
    public required long Id { get; init; }

    public string Type { get; init; } = "job_host_summary";

    public required string Url { get; init; }

    public required IReadOnlyDictionary<string, string> Related { get; init; }

    public required JobHostSummarySummaryFields SummaryFields { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required int Job { get; init; }

    public required int? Host { get; init; }

    public int? ConstructedHost { get; init; }

    public required string HostName { get; init; }

    public required int Changed { get; init; }

    public required int Dark { get; init; }

    public required int Failures { get; init; }

    public required int Ok { get; init; }

    public required int Processed { get; init; }

    public required int Skipped { get; init; }

    public required bool Failed { get; init; }

    public required int Ignored { get; init; }

    public required int Rescued { get; init; }

    public static JobHostSummaryResource Of(HostSummaryRecord summary, JobView job) => new()
    {
        Id = summary.Id,
        Url = AwxUrls.JobHostSummary(summary.Id),
        Related = summary.HostId is { } hostId
            ? new Dictionary<string, string> { ["job"] = AwxUrls.Job(job.Job.Id), ["host"] = AwxUrls.Host(hostId) }
            : new Dictionary<string, string> { ["job"] = AwxUrls.Job(job.Job.Id) },
        SummaryFields = new JobHostSummarySummaryFields(new ObjectSummary(summary.HostId ?? 0, summary.HostName, ""), JobReferenceSummary.Of(job)),
        Created = summary.Created,
        Modified = summary.Created,
        Job = job.Job.Id,
        Host = summary.HostId,
        HostName = summary.HostName,
        Changed = summary.Changed,
        Dark = summary.Dark,
        Failures = summary.Failures,
        Ok = summary.Ok,
        Processed = summary.Processed,
        Skipped = summary.Skipped,
        Failed = summary.Failed,
        Ignored = summary.Ignored,
        Rescued = summary.Rescued,
    };
}
