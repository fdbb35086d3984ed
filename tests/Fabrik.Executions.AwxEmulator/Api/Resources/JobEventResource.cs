using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobEventResource
{
    private static readonly Dictionary<string, string> EmptyRole = [];

    public required long Id { get; init; }

    public string Type { get; init; } = "job_event";

    public required string Url { get; init; }

    public required IReadOnlyDictionary<string, string> Related { get; init; }

    public required JobEventSummaryFields SummaryFields { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Modified { get; init; }

    public required int Job { get; init; }

    public required string Event { get; init; }

    public required int Counter { get; init; }

    public required string EventDisplay { get; init; }

    public required JsonElement EventData { get; init; }

    public required int EventLevel { get; init; }

    public required bool Failed { get; init; }

    public required bool Changed { get; init; }

    public required string Uuid { get; init; }

    public required string ParentUuid { get; init; }

    public required int? Host { get; init; }

    public required string HostName { get; init; }

    public required string Playbook { get; init; }

    public required string Play { get; init; }

    public required string Task { get; init; }

    public required string Role { get; init; }

    public required string Stdout { get; init; }

    public required int StartLine { get; init; }

    public required int EndLine { get; init; }

    public required int Verbosity { get; init; }

    public static JobEventResource Of(StoredJobEvent jobEvent, JobReferenceSummary job, bool truncateStdout)
    {
        var related = new Dictionary<string, string>
        {
            ["job"] = AwxUrls.Job(jobEvent.JobId),
            ["children"] = AwxUrls.Path("job_events", jobEvent.Id, "children"),
        };
        ObjectSummary? host = null;
        if (jobEvent.HostId is { } hostId)
        {
            related["host"] = AwxUrls.Host(hostId);
            host = new ObjectSummary(hostId, jobEvent.HostName, "");
        }
        return new JobEventResource
        {
            Id = jobEvent.Id,
            Url = AwxUrls.JobEvent(jobEvent.Id),
            Related = related,
            SummaryFields = new JobEventSummaryFields(host, job, EmptyRole),
            Created = jobEvent.Created,
            Modified = jobEvent.Modified,
            Job = jobEvent.JobId,
            Event = jobEvent.Event,
            Counter = jobEvent.Counter,
            EventDisplay = AnsibleEventTypes.DisplayOf(jobEvent),
            EventData = jobEvent.EventData,
            EventLevel = AnsibleEventTypes.LevelOf(jobEvent.Event),
            Failed = jobEvent.Failed,
            Changed = jobEvent.Changed,
            Uuid = jobEvent.Uuid,
            ParentUuid = jobEvent.ParentUuid,
            Host = jobEvent.HostId,
            HostName = jobEvent.HostName,
            Playbook = jobEvent.Playbook,
            Play = jobEvent.Play,
            Task = jobEvent.Task,
            Role = jobEvent.Role,
            Stdout = truncateStdout ? StdoutTruncation.Apply(jobEvent) : jobEvent.Stdout,
            StartLine = jobEvent.StartLine,
            EndLine = jobEvent.EndLine,
            Verbosity = jobEvent.Verbosity,
        };
    }
}
