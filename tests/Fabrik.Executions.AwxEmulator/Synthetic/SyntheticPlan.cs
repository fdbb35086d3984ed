using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Control;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>
/// The playbook a synthetic job plays, fitted to an exact event count:
/// playbook start, play start, a loop task on every host (its items are the padding), a configure task where
/// failing hosts fail and unreachable hosts are unreachable, verify tasks on the survivors, a run_once set_stats task,
/// and playbook_on_stats. When no host survives, Ansible ends the play with playbook_on_no_hosts_remaining instead.
/// </summary>
internal sealed class SyntheticPlan
{
    private static readonly string[] VerifyTaskNames =
        ["Verify BGP neighbors", "Check interface counters", "Validate NTP sync", "Ping loopbacks", "Audit local users"];

    private SyntheticPlan(SyntheticRunSettings settings, IReadOnlyList<SyntheticHost> hosts, IReadOnlyList<SyntheticTask> tasks)
    {
        Settings = settings;
        Hosts = hosts;
        Tasks = tasks;
        FirstSurvivor = hosts.FirstOrDefault(host => host.Fate == HostFate.Healthy);
    }

    public SyntheticRunSettings Settings { get; }

    public IReadOnlyList<SyntheticHost> Hosts { get; }

    public IReadOnlyList<SyntheticTask> Tasks { get; }

    public SyntheticHost? FirstSurvivor { get; }

    public bool EndsWithNoHostsRemaining => FirstSurvivor is null;

    public bool HasFailedHosts => Hosts.Any(host => host.Fate != HostFate.Healthy);

    public static SyntheticPlan? Build(SyntheticRunSettings settings, string limit, FieldErrors errors)
    {
        var hostLimit = new HostLimit(limit);
        var names = Enumerable.Range(1, settings.Hosts).Select(number => $"leaf-{100 + number}.lab").Where(hostLimit.Admits).ToList();
        if (names.Count == 0)
        {
            errors.Add("limit", $"No host of the synthetic inventory (leaf-101.lab .. leaf-{100 + settings.Hosts}.lab) matches \"{limit}\".");
            return null;
        }
        var broken = settings.FailedHosts + settings.UnreachableHosts;
        if (broken > names.Count)
        {
            errors.Add(ExtraVarsParser.Field,
                $"emulator_failed_hosts + emulator_unreachable_hosts ({broken}) exceeds the {names.Count} hosts that run.");
            return null;
        }
        var survivors = names.Count - broken;
        var minimum = MinimumEvents(names.Count, survivors, settings.PublishArtifacts);
        if (settings.Events < minimum)
        {
            errors.Add(ExtraVarsParser.Field,
                $"emulator_events must be at least {minimum} for {names.Count} hosts ({settings.FailedHosts} failed, " +
                $"{settings.UnreachableHosts} unreachable, artifacts {(settings.PublishArtifacts ? "on" : "off")}); got {settings.Events}.");
            return null;
        }

        var spare = settings.Events - minimum;
        var verifyTaskCost = 1 + (2 * survivors);
        var verifyTasks = survivors == 0 ? 0 : spare / verifyTaskCost;
        var padding = survivors == 0 ? spare : spare % verifyTaskCost;
        var hosts = names.Select((name, index) => new SyntheticHost(
            index,
            name,
            FateOf(index, names.Count, settings),
            (padding / names.Count) + (index < padding % names.Count ? 1 : 0))).ToList();
        return new SyntheticPlan(settings, hosts, TasksOf(verifyTasks, survivors > 0 && settings.PublishArtifacts));
    }

    /// <summary>The result a host reports for a task, or null when the host does not run it.</summary>
    public HostResult? ResultOf(SyntheticTask task, SyntheticHost host)
    {
        if (task.Kind == SyntheticTaskKind.GatherFacts)
        {
            return host.LoopItems > 0 ? HostResult.Ok : HostResult.Skipped;
        }
        if (task.Kind == SyntheticTaskKind.Configure)
        {
            return host.Fate switch
            {
                HostFate.FailsTask => HostResult.Failed,
                HostFate.Unreachable => HostResult.Unreachable,
                _ => HostResult.Changed,
            };
        }
        if (host.Fate != HostFate.Healthy)
        {
            return null;
        }
        return task.Kind switch
        {
            SyntheticTaskKind.ShowConfig => HostResult.Ok,
            SyntheticTaskKind.PublishResults => host == FirstSurvivor ? HostResult.Ok : null,
            _ => ((host.Index + task.Index) % 5) switch
            {
                0 => HostResult.Changed,
                1 => HostResult.Skipped,
                _ => HostResult.Ok,
            },
        };
    }

    public IReadOnlyList<ExpectedHostOutcome> ExpectedOutcomes()
    {
        var tallies = Hosts.Select(_ => new HostTally()).ToArray();
        foreach (var task in Tasks)
        {
            foreach (var host in Hosts)
            {
                if (ResultOf(task, host) is { } result)
                {
                    tallies[host.Index].Add(result);
                }
            }
        }
        return Hosts.Select(host => tallies[host.Index].ToOutcome(host.Name)).ToList();
    }

    // Playbook start, play start and stats; the loop and configure tasks on every host; then either
    // no_hosts_remaining or the run_once set_stats task (task start, runner start, ok).
    private static int MinimumEvents(int hosts, int survivors, bool publishArtifacts) =>
        3 + (2 * (1 + (2 * hosts))) + (survivors == 0 ? 1 : publishArtifacts ? 3 : 0);

    // The last hosts are the broken ones, so the first host survives whenever any does.
    private static HostFate FateOf(int index, int count, SyntheticRunSettings settings) =>
        index >= count - settings.UnreachableHosts ? HostFate.Unreachable
        : index >= count - settings.UnreachableHosts - settings.FailedHosts ? HostFate.FailsTask
        : HostFate.Healthy;

    private static List<SyntheticTask> TasksOf(int verifyTasks, bool publishResults)
    {
        List<SyntheticTask> tasks =
        [
            new(0, "Gather lab facts", "ansible.builtin.debug", SyntheticTaskKind.GatherFacts),
            new(1, "Configure interfaces", "ansible.builtin.command", SyntheticTaskKind.Configure),
        ];
        for (var verify = 0; verify < verifyTasks; verify++)
        {
            tasks.Add(verify == 0
                ? new(tasks.Count, "Show running config", "ansible.builtin.debug", SyntheticTaskKind.ShowConfig)
                : new(tasks.Count, VerifyTaskName(verify - 1), "ansible.builtin.command", SyntheticTaskKind.Verify));
        }
        if (publishResults)
        {
            tasks.Add(new(tasks.Count, "Publish row results", "ansible.builtin.set_stats", SyntheticTaskKind.PublishResults));
        }
        return tasks;
    }

    private static string VerifyTaskName(int ordinal)
    {
        var name = VerifyTaskNames[ordinal % VerifyTaskNames.Length];
        var round = (ordinal / VerifyTaskNames.Length) + 1;
        return round == 1 ? name : $"{name} (round {round})";
    }
}
