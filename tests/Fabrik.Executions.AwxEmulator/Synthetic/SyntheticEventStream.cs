using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>
/// Plays a <see cref="SyntheticPlan"/> as ansible-runner would report it: counters from 1, consecutive stdout lines,
/// and parent uuids linking host events to their task, tasks to the play, the play and the stats to the playbook.
/// </summary>
internal sealed class SyntheticEventStream(SyntheticPlan plan, TimeProvider time)
{
    public const string Playbook = "synthetic.yml";
    private const string PlayName = "Synthetic lab run";
    private const string PlayPattern = "all";

    private readonly string _playbookUuid = NewUuid();
    private readonly string _playUuid = NewUuid();
    private readonly Dictionary<string, HostTally> _tallies = plan.Hosts.ToDictionary(host => host.Name, _ => new HostTally());
    private JsonNode? _publishedRowResults;
    private int _counter;
    private int _line;

    public IEnumerable<SyntheticStep> Steps()
    {
        yield return Step(AnsibleEventTypes.PlaybookOnStart, "", _playbookUuid, "", PlaybookData());
        var play = PlayData();
        play["name"] = PlayName;
        play["pattern"] = PlayPattern;
        yield return Step(AnsibleEventTypes.PlaybookOnPlayStart, AnsibleStdout.Banner($"PLAY [{PlayName}]"), _playUuid, _playbookUuid, play);
        foreach (var task in plan.Tasks)
        {
            var taskUuid = NewUuid();
            var taskStart = TaskData(task, taskUuid);
            taskStart["name"] = task.Name;
            taskStart["is_conditional"] = false;
            yield return Step(AnsibleEventTypes.PlaybookOnTaskStart, AnsibleStdout.Banner($"TASK [{task.Name}]"), taskUuid, _playUuid, taskStart, startsTask: true);
            foreach (var host in plan.Hosts)
            {
                if (plan.ResultOf(task, host) is not { } result)
                {
                    continue;
                }
                foreach (var step in HostSteps(task, taskUuid, host, result))
                {
                    yield return step;
                }
            }
        }
        if (plan.EndsWithNoHostsRemaining)
        {
            yield return Step(AnsibleEventTypes.PlaybookOnNoHostsRemaining, AnsibleStdout.Banner("NO MORE HOSTS LEFT"), NewUuid(), _playUuid, PlayData());
        }
        yield return Step(AnsibleEventTypes.PlaybookOnStats, AnsibleStdout.Recap(_tallies.Select(pair => (pair.Key, pair.Value))),
            NewUuid(), _playbookUuid, StatsData(), startsTask: true);
    }

    private IEnumerable<SyntheticStep> HostSteps(SyntheticTask task, string taskUuid, SyntheticHost host, HostResult result)
    {
        yield return Step(AnsibleEventTypes.RunnerOnStart, "", NewUuid(), taskUuid, HostData(task, taskUuid, host));
        if (task.Kind == SyntheticTaskKind.GatherFacts)
        {
            for (var item = 1; item <= host.LoopItems; item++)
            {
                var (itemStdout, itemRes) = SyntheticHostOutput.LoopItem(host, item);
                var itemData = HostData(task, taskUuid, host);
                itemData["res"] = itemRes;
                yield return Step(AnsibleEventTypes.RunnerItemOnOk, itemStdout, NewUuid(), taskUuid, itemData);
            }
        }
        if (task.Kind == SyntheticTaskKind.PublishResults)
        {
            _publishedRowResults = JsonSerializer.SerializeToNode(plan.ExpectedOutcomes(), AwxJson.Options);
        }
        var (eventType, stdout, res) = SyntheticHostOutput.Of(task, host, result, _publishedRowResults?.DeepClone());
        var now = Timestamp(time.GetUtcNow());
        var data = HostData(task, taskUuid, host);
        data["remote_addr"] = host.Name;
        data["res"] = res;
        data["start"] = now;
        data["end"] = now;
        data["duration"] = 0.001;
        data["event_loop"] = task.Kind == SyntheticTaskKind.GatherFacts ? "item" : null;
        _tallies[host.Name].Add(result);
        yield return Step(eventType, stdout, NewUuid(), taskUuid, data);
    }

    private SyntheticStep Step(string eventType, string stdout, string uuid, string parentUuid, JsonObject data, bool startsTask = false)
    {
        data["uuid"] = uuid;
        var startLine = _line;
        _line += AnsibleStdout.LineCount(stdout);
        var runnerEvent = new AnsibleRunnerEvent
        {
            Counter = ++_counter,
            Uuid = uuid,
            ParentUuid = parentUuid,
            Event = eventType,
            Stdout = stdout,
            StartLine = startLine,
            EndLine = _line,
            Created = time.GetUtcNow(),
            EventData = JsonSerializer.SerializeToElement(data, AwxJson.Options),
        };
        return new SyntheticStep(runnerEvent, startsTask);
    }

    private JsonObject PlaybookData() => new() { ["playbook"] = Playbook, ["playbook_uuid"] = _playbookUuid };

    private JsonObject PlayData()
    {
        var data = PlaybookData();
        data["play"] = PlayName;
        data["play_uuid"] = _playUuid;
        data["play_pattern"] = PlayPattern;
        return data;
    }

    private JsonObject TaskData(SyntheticTask task, string taskUuid)
    {
        var data = PlayData();
        data["task"] = task.Name;
        data["task_uuid"] = taskUuid;
        data["task_action"] = task.Action;
        data["resolved_action"] = task.Action;
        data["task_args"] = "";
        data["task_path"] = $"/runner/project/{Playbook}:{8 + (5 * task.Index)}";
        return data;
    }

    private JsonObject HostData(SyntheticTask task, string taskUuid, SyntheticHost host)
    {
        var data = TaskData(task, taskUuid);
        data["host"] = host.Name;
        return data;
    }

    // Ansible's stats dictionaries list only hosts with a non-zero count; processed lists every host that ran.
    private JsonObject StatsData()
    {
        var data = PlaybookData();
        data["changed"] = Counts(tally => tally.Changed);
        data["dark"] = Counts(tally => tally.Dark);
        data["failures"] = Counts(tally => tally.Failures);
        data["ignored"] = new JsonObject();
        data["ok"] = Counts(tally => tally.Ok);
        data["processed"] = Counts(_ => 1);
        data["rescued"] = new JsonObject();
        data["skipped"] = Counts(tally => tally.Skipped);
        data["artifact_data"] = _publishedRowResults is null ? new JsonObject() : new JsonObject { ["row_results"] = _publishedRowResults.DeepClone() };
        return data;
    }

    private JsonObject Counts(Func<HostTally, int> count)
    {
        var counts = new JsonObject();
        foreach (var (host, tally) in _tallies.Where(pair => count(pair.Value) > 0))
        {
            counts[host] = count(tally);
        }
        return counts;
    }

    private static string Timestamp(DateTimeOffset moment) =>
        moment.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static string NewUuid() => Guid.NewGuid().ToString();
}
