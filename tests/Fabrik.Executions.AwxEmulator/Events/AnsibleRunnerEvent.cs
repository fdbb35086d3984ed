using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>
/// An event as ansible-runner writes it to <c>artifacts/&lt;ident&gt;/job_events/&lt;counter&gt;-&lt;uuid&gt;.json</c>:
/// the shape AWX's callback receiver turns into a job event. The synthetic playbook produces the same shape.
/// </summary>
internal sealed record AnsibleRunnerEvent
{
    public required int Counter { get; init; }

    public required string Uuid { get; init; }

    public string ParentUuid { get; init; } = "";

    public required string Event { get; init; }

    public string Stdout { get; init; } = "";

    public int StartLine { get; init; }

    public int EndLine { get; init; }

    public int Verbosity { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required JsonElement EventData { get; init; }
}
