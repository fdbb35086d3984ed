using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>The body of <c>POST /api/v1/executions/{id}/relaunch</c>.</summary>
public sealed record RelaunchBody
{
    public static readonly IReadOnlyList<BodyField> Fields = [new("hosts", "a string, 'all' or 'failed'")];

    /// <summary><c>all</c>: every host the relaunched execution ran against; <c>failed</c>: only its failed and unreachable hosts.</summary>
    public string? Hosts { get; init; }

    /// <summary>The choice of hosts, or null with the problem added to <paramref name="errors"/>.</summary>
    public RelaunchHosts? Check(FieldErrors errors)
    {
        RelaunchHosts? hosts = Hosts switch
        {
            "all" => RelaunchHosts.All,
            "failed" => RelaunchHosts.Failed,
            _ => null,
        };
        if (hosts is null)
        {
            errors.Add("hosts", Hosts is null ? "hosts is required: 'all' or 'failed'." : "hosts must be 'all' or 'failed'.");
        }

        return hosts;
    }
}
