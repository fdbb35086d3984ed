using System.Collections.Concurrent;

namespace Fabrik.Executions.AwxEmulator.Events;

/// <summary>The inventory hosts jobs have touched, each with a stable id, as AWX's host table would give.</summary>
internal sealed class HostRegistry
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private int _last;

    public int IdOf(string hostName) => _ids.GetOrAdd(hostName, _ => Interlocked.Increment(ref _last));
}
