using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Testing;

/// <summary>
/// A <see cref="JobEventReceived"/> with every field set, colour codes in its output and non-ASCII text in its event
/// data, for tests that check a message travels whole.
/// </summary>
public static class SampleJobEvent
{
    public static JobEventReceived For(Guid executionId, long counter, string? host = "leaf-101.lab") => new()
    {
        ExecutionId = executionId,
        JobId = 42,
        Counter = counter,
        Event = "runner_on_ok",
        Uuid = Guid.NewGuid().ToString(),
        ParentUuid = Guid.NewGuid().ToString(),
        Host = host,
        Play = "Configure fabric",
        Task = "Push tenant",
        Role = null,
        Stdout = "\u001b[0;32mok: [leaf-101.lab]\u001b[0m\r\n",
        StartLine = (int)counter,
        EndLine = (int)counter + 1,
        Failed = false,
        Changed = counter % 2 == 0,
        Created = new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(1)).AddMilliseconds(counter),
        EventData = JsonSerializer.SerializeToElement(new { host, res = new { changed = true, msg = $"ünïcode ✓ {counter}" } }),
    };
}
