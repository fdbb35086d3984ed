using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>
/// The emulator's callback receiver: stores ansible-runner events as AWX job events, deriving the fields AWX derives
/// (awx/main/models/events.py) and, on <c>playbook_on_stats</c>, the host summaries and parent flags.
/// </summary>
internal sealed class JobEventIngestor(EmulatorIds ids, HostRegistry hosts, EventVisibilityPolicy visibility, TimeProvider time)
{
    private static readonly string[] StatsKeys = ["changed", "dark", "failures", "ignored", "ok", "processed", "rescued", "skipped"];

    // JobEvent._hostnames: the hosts that get a summary.
    private static readonly string[] StatsHostKeys = ["changed", "dark", "failures", "ok", "processed", "skipped"];

    // create_host_status_counts: a host takes the last of these it appears under.
    private static readonly string[] HostStatusPrecedence = ["skipped", "ok", "changed", "failures", "dark"];

    public StoredJobEvent Ingest(EmulatedJob job, AnsibleRunnerEvent runnerEvent)
    {
        var data = runnerEvent.EventData;
        var now = time.GetUtcNow();
        var hostName = TextOf(data, "host");
        var stored = new StoredJobEvent
        {
            Id = ids.Events.Next(),
            JobId = job.Id,
            Counter = runnerEvent.Counter,
            Uuid = runnerEvent.Uuid,
            ParentUuid = runnerEvent.ParentUuid,
            Event = runnerEvent.Event,
            EventData = data,
            Stdout = runnerEvent.Stdout,
            StartLine = runnerEvent.StartLine,
            EndLine = runnerEvent.EndLine,
            Verbosity = runnerEvent.Verbosity,
            Created = runnerEvent.Created,
            Modified = now,
            HostName = hostName,
            HostId = hostName.Length > 0 ? hosts.IdOf(hostName) : null,
            Playbook = TextOf(data, "playbook"),
            Play = TextOf(data, "play"),
            Task = TextOf(data, "task"),
            Role = TextOf(data, "role"),
            VisibleAt = visibility.VisibleAt(runnerEvent.Counter, now),
            Failed = IsFailed(runnerEvent.Event, data),
            Changed = IsChanged(runnerEvent.Event, data),
        };
        var isStats = stored.Event == AnsibleEventTypes.PlaybookOnStats;
        if (isStats)
        {
            // AWX propagates before the stats event itself is saved, so the stats never flag the playbook event.
            job.Events.PropagateToParents();
        }
        job.Events.Append(stored);
        if (isStats)
        {
            job.Events.RecordStats(StatsFrom(stored, now));
        }
        if (data.TryGetProperty("artifact_data", out var artifactData) && artifactData.ValueKind == JsonValueKind.Object
            && artifactData.EnumerateObject().Any())
        {
            job.RecordArtifacts(artifactData);
        }
        return stored;
    }

    private static bool IsFailed(string eventType, JsonElement data)
    {
        if (eventType == AnsibleEventTypes.PlaybookOnStats)
        {
            return SumOf(data, "failures") + SumOf(data, "dark") > 0;
        }
        return AnsibleEventTypes.MeansFailure(eventType) && !IsTrue(data, "ignore_errors");
    }

    private static bool IsChanged(string eventType, JsonElement data)
    {
        if (eventType == AnsibleEventTypes.PlaybookOnStats)
        {
            return SumOf(data, "changed") > 0;
        }
        return data.TryGetProperty("res", out var res) && res.ValueKind == JsonValueKind.Object && IsTrue(res, "changed");
    }

    private JobStats StatsFrom(StoredJobEvent statsEvent, DateTimeOffset now)
    {
        var counts = StatsKeys.ToDictionary(key => key, key => CountsOf(statsEvent.EventData, key));
        var hostNames = StatsHostKeys.SelectMany(key => counts[key].Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var summaries = hostNames.Select(host => new HostSummaryRecord
        {
            Id = ids.HostSummaries.Next(),
            HostName = host,
            HostId = hosts.IdOf(host),
            Created = now,
            Changed = counts["changed"].GetValueOrDefault(host),
            Dark = counts["dark"].GetValueOrDefault(host),
            Failures = counts["failures"].GetValueOrDefault(host),
            Ignored = counts["ignored"].GetValueOrDefault(host),
            Ok = counts["ok"].GetValueOrDefault(host),
            Processed = counts["processed"].GetValueOrDefault(host),
            Rescued = counts["rescued"].GetValueOrDefault(host),
            Skipped = counts["skipped"].GetValueOrDefault(host),
        }).ToList();

        var statusOfHost = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var status in HostStatusPrecedence)
        {
            foreach (var host in counts[status].Keys)
            {
                statusOfHost[host] = status;
            }
        }
        var hostStatusCounts = statusOfHost.Values.GroupBy(status => status).ToDictionary(group => group.Key, group => group.Count());
        return new JobStats(statsEvent, summaries, hostStatusCounts);
    }

    private static Dictionary<string, int> CountsOf(JsonElement data, string key)
    {
        if (!data.TryGetProperty(key, out var counts) || counts.ValueKind != JsonValueKind.Object)
        {
            return [];
        }
        return counts.EnumerateObject()
            .Where(host => host.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(host => host.Name, host => host.Value.GetInt32(), StringComparer.Ordinal);
    }

    private static int SumOf(JsonElement data, string key) => CountsOf(data, key).Values.Sum();

    private static bool IsTrue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static string TextOf(JsonElement data, string property) =>
        data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : "";
}
