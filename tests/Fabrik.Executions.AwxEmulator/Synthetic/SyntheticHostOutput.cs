using System.Text.Json.Nodes;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>The module result (<c>res</c>) and stdout one host reports for one task of the synthetic playbook.</summary>
internal static class SyntheticHostOutput
{
    public static (string EventType, string Stdout, JsonObject Res) Of(SyntheticTask task, SyntheticHost host, HostResult result, JsonNode? rowResults) =>
        (task.Kind, result) switch
        {
            (SyntheticTaskKind.GatherFacts, HostResult.Ok) =>
                (AnsibleEventTypes.RunnerOnOk, "", new JsonObject { ["changed"] = false, ["msg"] = "All items completed" }),
            (_, HostResult.Skipped) => Skipped(task, host),
            (_, HostResult.Failed) => Failed(host),
            (_, HostResult.Unreachable) => Unreachable(host),
            (SyntheticTaskKind.ShowConfig, _) => RunningConfig(host),
            (SyntheticTaskKind.PublishResults, _) => (AnsibleEventTypes.RunnerOnOk, AnsibleStdout.Colored(AnsiColor.Ok, $"ok: [{host.Name}]"), new JsonObject
            {
                ["ansible_stats"] = new JsonObject { ["data"] = new JsonObject { ["row_results"] = rowResults }, ["per_host"] = false, ["aggregate"] = true },
                ["changed"] = false,
                ["_ansible_no_log"] = false,
            }),
            (_, HostResult.Changed) => (AnsibleEventTypes.RunnerOnOk, AnsibleStdout.Colored(AnsiColor.Changed, $"changed: [{host.Name}]"), Command(changed: true, task)),
            _ => (AnsibleEventTypes.RunnerOnOk, AnsibleStdout.Colored(AnsiColor.Ok, $"ok: [{host.Name}]"), Command(changed: false, task)),
        };

    public static (string Stdout, JsonObject Res) LoopItem(SyntheticHost host, int item)
    {
        var name = $"Ethernet{item}";
        var stdout = AnsibleStdout.Colored(AnsiColor.Ok, $"ok: [{host.Name}] => (item={name}) => {{\n    \"msg\": \"{name} is up\"\n}}");
        return (stdout, new JsonObject
        {
            ["msg"] = $"{name} is up",
            ["_ansible_verbose_always"] = true,
            ["_ansible_no_log"] = false,
            ["changed"] = false,
            ["item"] = name,
            ["ansible_loop_var"] = "item",
            ["_ansible_item_label"] = name,
        });
    }

    private static JsonObject Command(bool changed, SyntheticTask task) => new()
    {
        ["changed"] = changed,
        ["cmd"] = new JsonArray("lab-ctl", task.Kind == SyntheticTaskKind.Configure ? "apply" : "check"),
        ["rc"] = 0,
        ["stdout"] = changed ? "applied 4 changes" : "no changes",
        ["stderr"] = "",
    };

    private static (string, string, JsonObject) Skipped(SyntheticTask task, SyntheticHost host)
    {
        var res = task.Kind == SyntheticTaskKind.GatherFacts
            ? new JsonObject { ["changed"] = false, ["skipped"] = true, ["skipped_reason"] = "No items in the list" }
            : new JsonObject { ["changed"] = false, ["skip_reason"] = "Conditional result was False", ["false_condition"] = "platform == 'eos'" };
        return (AnsibleEventTypes.RunnerOnSkipped, AnsibleStdout.Colored(AnsiColor.Skip, $"skipping: [{host.Name}]"), res);
    }

    private static (string, string, JsonObject) Failed(SyntheticHost host)
    {
        const string message = "Interface Ethernet1 rejected the configuration";
        var stdout = AnsibleStdout.Colored(AnsiColor.Error, $"fatal: [{host.Name}]: FAILED! => {{\"changed\": false, \"msg\": \"{message}\", \"rc\": 1}}");
        return (AnsibleEventTypes.RunnerOnFailed, stdout, new JsonObject { ["changed"] = false, ["msg"] = message, ["rc"] = 1 });
    }

    private static (string, string, JsonObject) Unreachable(SyntheticHost host)
    {
        var message = $"Failed to connect to the host via ssh: ssh: connect to host {host.Name} port 22: Connection timed out";
        var stdout = AnsibleStdout.Colored(AnsiColor.Unreachable,
            $"fatal: [{host.Name}]: UNREACHABLE! => {{\"changed\": false, \"msg\": \"{message}\", \"unreachable\": true}}");
        return (AnsibleEventTypes.RunnerOnUnreachable, stdout, new JsonObject { ["changed"] = false, ["msg"] = message, ["unreachable"] = true });
    }

    // Long enough (well over AWX's 1024-character display limit) to exercise stdout truncation.
    private static (string, string, JsonObject) RunningConfig(SyntheticHost host)
    {
        var lines = Enumerable.Range(1, 9).SelectMany(port => new[]
        {
            $"interface Ethernet{port}",
            $" description uplink to spine-{port}",
            " mtu 9214",
            " no switchport",
            $" ip address 10.{host.Index % 250}.{port}.1/31",
        }).ToList();
        var body = string.Join(",\n", lines.Select(line => $"        \"{line}\""));
        var stdout = AnsibleStdout.Colored(AnsiColor.Ok, $"ok: [{host.Name}] => {{\n    \"msg\": [\n{body}\n    ]\n}}");
        return (AnsibleEventTypes.RunnerOnOk, stdout, new JsonObject
        {
            ["msg"] = new JsonArray(lines.Select(line => (JsonNode?)line).ToArray()),
            ["_ansible_verbose_always"] = true,
            ["_ansible_no_log"] = false,
            ["changed"] = false,
        });
    }
}
