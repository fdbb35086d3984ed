using System.Diagnostics;

namespace Fabrik.Executions.Benchmarks;

/// <summary>
/// Waits until pollers have compiled their hot code: a poller started under load first runs unoptimised code and
/// compiles what runs often (tiered JIT), on a saturated machine for a minute or more and at up to twice a warm poller's
/// CPU per poll. Scaling is about pollers as they run for hours; how long the start took is reported beside it.
/// </summary>
internal static class PollerWarmUp
{
    private const string CompiledMethods = "dotnet_jit_compiled_methods_total";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    /// <summary>Fewer methods compiled in <see cref="Interval"/> than this counts as warm.</summary>
    private const double Quiet = 50;

    /// <summary>How long it took until no poller compiled much any more; <c>Settled</c> is false when <paramref name="limit"/> ran out first.</summary>
    public static async Task<(TimeSpan Waited, bool Settled)> WaitAsync(IReadOnlyList<Uri> pollers, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        var before = await CompiledAsync(pollers);
        while (clock.Elapsed < limit)
        {
            await Task.Delay(Interval);
            var now = await CompiledAsync(pollers);
            if (now.Zip(before, (compiled, earlier) => compiled - earlier).All(compiled => compiled < Quiet))
            {
                return (clock.Elapsed, true);
            }

            before = now;
        }

        return (clock.Elapsed, false);
    }

    private static async Task<double[]> CompiledAsync(IReadOnlyList<Uri> pollers) =>
        await Task.WhenAll(pollers.Select(poller => ServiceMetrics.SumAsync(poller, CompiledMethods)));
}
