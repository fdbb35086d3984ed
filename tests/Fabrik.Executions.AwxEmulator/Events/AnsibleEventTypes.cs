namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>AWX's table of playbook event types: nesting level, display name and whether the type means failure.</summary>
internal static class AnsibleEventTypes
{
    public const string PlaybookOnStart = "playbook_on_start";
    public const string PlaybookOnPlayStart = "playbook_on_play_start";
    public const string PlaybookOnTaskStart = "playbook_on_task_start";
    public const string PlaybookOnNoHostsRemaining = "playbook_on_no_hosts_remaining";
    public const string PlaybookOnStats = "playbook_on_stats";
    public const string RunnerOnStart = "runner_on_start";
    public const string RunnerOnOk = "runner_on_ok";
    public const string RunnerOnFailed = "runner_on_failed";
    public const string RunnerOnSkipped = "runner_on_skipped";
    public const string RunnerOnUnreachable = "runner_on_unreachable";
    public const string RunnerItemOnOk = "runner_item_on_ok";

    private static readonly Dictionary<string, (int Level, string Display, bool Failed)> Types = new()
    {
        ["runner_on_failed"] = (3, "Host Failed", true),
        ["runner_on_start"] = (3, "Host Started", false),
        ["runner_on_ok"] = (3, "Host OK", false),
        ["runner_on_error"] = (3, "Host Failure", true),
        ["runner_on_skipped"] = (3, "Host Skipped", false),
        ["runner_on_unreachable"] = (3, "Host Unreachable", true),
        ["runner_on_no_hosts"] = (3, "No Hosts Remaining", false),
        ["runner_on_async_poll"] = (3, "Host Polling", false),
        ["runner_on_async_ok"] = (3, "Host Async OK", false),
        ["runner_on_async_failed"] = (3, "Host Async Failure", true),
        ["runner_item_on_ok"] = (3, "Item OK", false),
        ["runner_item_on_failed"] = (3, "Item Failed", true),
        ["runner_item_on_skipped"] = (3, "Item Skipped", false),
        ["runner_retry"] = (3, "Host Retry", false),
        ["runner_on_file_diff"] = (3, "File Difference", false),
        ["playbook_on_start"] = (0, "Playbook Started", false),
        ["playbook_on_notify"] = (2, "Running Handlers", false),
        ["playbook_on_include"] = (2, "Including File", false),
        ["playbook_on_no_hosts_matched"] = (2, "No Hosts Matched", false),
        ["playbook_on_no_hosts_remaining"] = (2, "No Hosts Remaining", false),
        ["playbook_on_task_start"] = (2, "Task Started", false),
        ["playbook_on_vars_prompt"] = (1, "Variables Prompted", false),
        ["playbook_on_setup"] = (2, "Gathering Facts", false),
        ["playbook_on_play_start"] = (1, "Play Started", false),
        ["playbook_on_stats"] = (1, "Playbook Complete", false),
        ["debug"] = (0, "Debug", false),
        ["verbose"] = (0, "Verbose", false),
        ["deprecated"] = (0, "Deprecated", false),
        ["warning"] = (0, "Warning", false),
        ["system_warning"] = (0, "System Warning", false),
        ["error"] = (0, "Error", true),
    };

    public static int LevelOf(string eventType) => Types.TryGetValue(eventType, out var type) ? type.Level : 0;

    public static bool MeansFailure(string eventType) => Types.TryGetValue(eventType, out var type) && type.Failed;

    /// <summary>AWX's <c>get_event_display2</c> for the cases a playbook produces here.</summary>
    public static string DisplayOf(StoredJobEvent jobEvent)
    {
        var display = Types.TryGetValue(jobEvent.Event, out var type) ? type.Display : jobEvent.Event;
        return jobEvent.Event switch
        {
            PlaybookOnPlayStart when jobEvent.Play.Length > 0 => $"{display} ({jobEvent.Play})",
            PlaybookOnTaskStart when jobEvent.Task.Length > 0 && jobEvent.Role.Length > 0 => $"{display} ({jobEvent.Role} | {jobEvent.Task})",
            PlaybookOnTaskStart when jobEvent.Task.Length > 0 => $"{display} ({jobEvent.Task})",
            _ => display,
        };
    }
}
