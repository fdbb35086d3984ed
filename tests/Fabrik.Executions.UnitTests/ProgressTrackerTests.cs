using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;
using Fabrik.Executions.StreamPoller.Streaming;

namespace Fabrik.Executions.UnitTests;

public sealed class ProgressTrackerTests
{
    [Test]
    public void With_a_known_task_count_progress_is_tasks_done_against_it_and_100_only_at_the_stats()
    {
        var tracker = new ProgressTracker(expectedTasks: 4, new StreamProgress());

        Assert.That(tracker.Observe([Event(1, "playbook_on_task_start", "one"), Event(2, "playbook_on_task_start", "two")]), Is.True);
        Assert.That((tracker.Percentage, tracker.CurrentTask), Is.EqualTo((25, "two")));

        tracker.Observe([Event(3, "playbook_on_task_start", "three"), Event(4, "playbook_on_task_start", "four"), Event(5, "playbook_on_task_start", "five")]);
        Assert.That(tracker.Percentage, Is.EqualTo(80), "more tasks than expected stretch the estimate, never past 99");

        tracker.Observe([Event(6, "playbook_on_stats", null)]);
        Assert.That(tracker.Percentage, Is.EqualTo(100));
    }

    [Test]
    public void Without_a_known_task_count_progress_rises_but_stays_below_100_until_the_stats()
    {
        var tracker = new ProgressTracker(expectedTasks: null, new StreamProgress());
        var seen = new List<int>();
        for (var counter = 1; counter <= 50; counter++)
        {
            tracker.Observe([Event(counter, "playbook_on_task_start", $"task {counter}")]);
            seen.Add(tracker.Percentage);
        }

        Assert.That(seen, Is.Ordered);
        Assert.That(seen[^1], Is.InRange(90, 99));
    }

    [Test]
    public void A_late_event_of_an_earlier_task_does_not_move_the_current_task_back()
    {
        var tracker = new ProgressTracker(expectedTasks: 10, new StreamProgress { TaskStarts = 3, CurrentTaskCounter = 30, CurrentTask = "third" });

        tracker.Observe([Event(20, "playbook_on_task_start", "second, seen late")]);

        Assert.That(tracker.CurrentTask, Is.EqualTo("third"));
        Assert.That(tracker.TaskStarts, Is.EqualTo(4));
    }

    private static JobEventReceived Event(long counter, string type, string? task) => new()
    {
        ExecutionId = Guid.Empty,
        JobId = 1,
        Counter = counter,
        Event = type,
        Uuid = counter.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ParentUuid = "",
        Task = task,
        Stdout = "",
        StartLine = 0,
        EndLine = 0,
        Failed = false,
        Changed = false,
        Created = DateTimeOffset.UnixEpoch,
        EventData = JsonDocument.Parse("{}").RootElement,
    };
}
