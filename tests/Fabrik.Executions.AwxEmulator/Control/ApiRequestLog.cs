using System.Collections.Concurrent;

namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>
/// The latest AWX API requests the emulator received, oldest first, so tests can check how a client asks; bounded, so
/// an emulator left running for days keeps only the recent ones.
/// </summary>
internal sealed class ApiRequestLog
{
    private const int Capacity = 20_000;
    private readonly ConcurrentQueue<ApiRequest> requests = new();

    public void Record(ApiRequest request)
    {
        requests.Enqueue(request);
        while (requests.Count > Capacity)
        {
            requests.TryDequeue(out _);
        }
    }

    public IReadOnlyList<ApiRequest> Snapshot() => requests.ToArray();
}
