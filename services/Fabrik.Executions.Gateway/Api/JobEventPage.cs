using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>A page of stored job events, each in the shape the hub pushes, and the cursor to ask for the next.</summary>
public sealed record JobEventPage
{
    public required IReadOnlyList<JobEventReceived> Data { get; init; }
    public required JobEventCursor Cursor { get; init; }
}
