using System.Text.Json;

namespace Fabrik.Cli.Tailing;

/// <summary>What the hub told a tail, queued so that one loop handles everything in arrival order.</summary>
public abstract record TailSignal
{
    public sealed record Events(JsonElement Batch) : TailSignal;

    /// <summary>The execution as stored, after a subscription's replay.</summary>
    public sealed record Snapshot(JsonElement Execution) : TailSignal;

    /// <summary>The execution ended (a terminal status change or ExecutionFinished): a last replay fetches what is left.</summary>
    public sealed record Ended : TailSignal;

    public sealed record Progressed(string Status) : TailSignal;

    /// <summary>The connection came back: the Gateway forgot the subscription.</summary>
    public sealed record Reconnected : TailSignal;
}
