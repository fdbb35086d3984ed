namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>Decides when a stored event becomes visible to pollers, from the faults in force when it is stored.</summary>
internal sealed class EventVisibilityPolicy(FaultState faults)
{
    public DateTimeOffset? VisibleAt(int counter, DateTimeOffset stored)
    {
        var settings = faults.Current;
        if (settings.NeverVisibleCounters.Contains(counter) || Chance(settings.NeverVisibleFraction))
        {
            return null;
        }
        var delayMs = settings.OutOfOrderWindowMs > 0 ? Random.Shared.NextDouble() * settings.OutOfOrderWindowMs : 0;
        if (Chance(settings.LateVisibilityProbability))
        {
            delayMs += settings.LateVisibilityDelayMs;
        }
        return stored.AddMilliseconds(delayMs);
    }

    private static bool Chance(double probability) => probability > 0 && Random.Shared.NextDouble() < probability;
}
