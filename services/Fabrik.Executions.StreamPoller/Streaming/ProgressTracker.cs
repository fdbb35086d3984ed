using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.StreamPoller.Streaming;

/// <summary>
/// Progress from the events: a task is done once the next one starts, all are done at <c>playbook_on_stats</c>.
/// Ansible does not announce how many tasks a run has, so the estimate is the task count of the template's last
/// finished run when there is one; without it the bar approaches completion as tasks go by and never claims 100
/// before the stats.
/// </summary>
public sealed class ProgressTracker(int? expectedTasks, StreamProgress resumedFrom)
{
    private int taskStarts = resumedFrom.TaskStarts;
    private long currentTaskCounter = resumedFrom.CurrentTaskCounter;
    private bool statsSeen = resumedFrom.StatsSeen;

    public string? CurrentTask { get; private set; } = resumedFrom.CurrentTask;

    public int TaskStarts => taskStarts;

    public int Percentage
    {
        get
        {
            if (statsSeen)
            {
                return 100;
            }

            var completed = Math.Max(0, taskStarts - 1);
            var expected = expectedTasks is > 0 ? Math.Max(expectedTasks.Value, taskStarts) : taskStarts + 1;
            return Math.Min(99, completed * 100 / expected);
        }
    }

    /// <summary>Takes in newly stored events (each counted once); true when the percentage or current task changed.</summary>
    public bool Observe(IReadOnlyList<JobEventReceived> events)
    {
        var before = (Percentage, CurrentTask);
        foreach (var stored in events)
        {
            if (stored.Event == "playbook_on_task_start")
            {
                taskStarts++;
                if (stored.Counter > currentTaskCounter)
                {
                    currentTaskCounter = stored.Counter;
                    CurrentTask = stored.Task;
                }
            }
            else if (stored.Event == "playbook_on_stats")
            {
                statsSeen = true;
            }
        }

        return before != (Percentage, CurrentTask);
    }
}
