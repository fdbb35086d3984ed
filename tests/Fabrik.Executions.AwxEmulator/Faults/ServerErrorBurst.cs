namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>Counts down <see cref="FaultSettings.ServerErrorBurst"/>: new settings start a new burst.</summary>
internal sealed class ServerErrorBurst
{
    private readonly Lock gate = new();
    private FaultSettings? burstOf;
    private int left;

    /// <summary>Whether this request is one of the burst's.</summary>
    public bool Takes(FaultSettings settings)
    {
        lock (gate)
        {
            if (!ReferenceEquals(settings, burstOf))
            {
                burstOf = settings;
                left = settings.ServerErrorBurst;
            }

            if (left == 0)
            {
                return false;
            }

            left--;
            return true;
        }
    }
}
