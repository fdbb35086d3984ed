using System.Collections.Concurrent;

namespace Fabrik.Executions.Gateway.Hubs;

/// <summary>
/// Which hub groups this Gateway's connections are in, for the group gauges and <see cref="WatchRenewal"/>: SignalR
/// keeps groups to itself and drops a closed connection's memberships without telling.
/// </summary>
public sealed class HubMembership
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, byte>> groupsByConnection = new();

    public void Joined(string connectionId, string group) => groupsByConnection.GetOrAdd(connectionId, _ => new())[group] = 0;

    public void Left(string connectionId, string group)
    {
        if (groupsByConnection.TryGetValue(connectionId, out var groups))
        {
            groups.TryRemove(group, out _);
        }
    }

    public void Disconnected(string connectionId) => groupsByConnection.TryRemove(connectionId, out _);

    public IReadOnlyDictionary<string, int> GroupsByKind() => Memberships().Distinct().CountBy(KindOf).ToDictionary();

    public IReadOnlyDictionary<string, int> MembersByKind() => Memberships().CountBy(KindOf).ToDictionary();

    /// <summary>The executions whose output a connection on this Gateway watches.</summary>
    public IReadOnlySet<Guid> WatchedExecutions() => Memberships().Select(ExecutionGroups.ExecutionOf).OfType<Guid>().ToHashSet();

    private IEnumerable<string> Memberships() => groupsByConnection.Values.SelectMany(groups => groups.Keys);

    private static string KindOf(string group) => group == ExecutionGroups.Monitor ? "monitor" : "output";
}
