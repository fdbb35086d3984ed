using Fabrik.Executions.AwxEmulator.Control;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>Ansible's per-host stats: a changed result also counts as ok.</summary>
internal sealed class HostTally
{
    public int Ok { get; private set; }

    public int Changed { get; private set; }

    public int Failures { get; private set; }

    public int Dark { get; private set; }

    public int Skipped { get; private set; }

    public void Add(HostResult result)
    {
        switch (result)
        {
            case HostResult.Ok:
                Ok++;
                break;
            case HostResult.Changed:
                Ok++;
                Changed++;
                break;
            case HostResult.Skipped:
                Skipped++;
                break;
            case HostResult.Failed:
                Failures++;
                break;
            case HostResult.Unreachable:
                Dark++;
                break;
        }
    }

    public ExpectedHostOutcome ToOutcome(string host)
    {
        var status = Failures > 0 ? "failed" : Dark > 0 ? "unreachable" : Changed > 0 ? "changed" : "ok";
        return new ExpectedHostOutcome(host, status, Ok, Changed, Failures, Dark, Skipped);
    }
}
