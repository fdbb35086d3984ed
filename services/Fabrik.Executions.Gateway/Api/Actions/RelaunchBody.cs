using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Gateway.Api.Actions;

/// <summary>The body of <c>POST /api/v1/executions/{id}/relaunch</c>.</summary>
public sealed record RelaunchBody
{
    public static readonly IReadOnlyList<BodyField> Fields =
    [
        new("hosts", "a string, 'all' or 'failed'"),
        new("from_node", "a positive integer, the id of a node of the execution's workflow"),
    ];

    /// <summary><c>all</c>: every host the relaunched execution ran against; <c>failed</c>: only its failed and unreachable hosts.</summary>
    public string? Hosts { get; init; }

    /// <summary>Retry from here: a failed node of a workflow execution to start at (<c>GET .../workflow</c> names them); it and every node after it run again.</summary>
    public long? FromNode { get; init; }

    /// <summary>
    /// The choice of hosts (all when only <c>from_node</c> is given) and the node to start at, or null with the
    /// problems added to <paramref name="errors"/>.
    /// </summary>
    public (RelaunchHosts Hosts, long? FromNode)? Check(FieldErrors errors)
    {
        RelaunchHosts? hosts = Hosts switch
        {
            "all" => RelaunchHosts.All,
            "failed" => RelaunchHosts.Failed,
            null when FromNode is not null => RelaunchHosts.All,
            _ => null,
        };
        if (hosts is null)
        {
            errors.Add("hosts", Hosts is null ? "hosts is required: 'all' or 'failed'." : "hosts must be 'all' or 'failed'.");
        }

        if (FromNode is <= 0)
        {
            errors.Add("from_node", $"from_node must be a positive workflow node id, not {FromNode}.");
        }

        return hosts is null || errors.Any ? null : (hosts.Value, FromNode);
    }
}
