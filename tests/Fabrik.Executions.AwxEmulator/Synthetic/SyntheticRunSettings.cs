using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>The <c>emulator_*</c> extra vars that shape a synthetic run.</summary>
internal sealed record SyntheticRunSettings(
    int Events,
    int Hosts,
    double EventsPerSecond,
    int FailedHosts,
    int UnreachableHosts,
    bool TolerateFailures,
    bool PublishArtifacts,
    string? Error)
{
    public const int MaxEvents = 1_000_000;
    public const int MaxHosts = 10_000;

    public static SyntheticRunSettings Read(JsonElement extraVars, FieldErrors errors)
    {
        var reader = new ExtraVarReader(extraVars, errors, ExtraVarsParser.Field);
        var hosts = reader.Integer("emulator_hosts", 3, 1, MaxHosts);
        return new SyntheticRunSettings(
            Events: reader.Integer("emulator_events", 50, 1, MaxEvents),
            Hosts: hosts,
            EventsPerSecond: reader.Number("emulator_events_per_second", 200, 0, 1_000_000),
            FailedHosts: reader.Integer("emulator_failed_hosts", 0, 0, MaxHosts),
            UnreachableHosts: reader.Integer("emulator_unreachable_hosts", 0, 0, MaxHosts),
            TolerateFailures: reader.Boolean("emulator_tolerate_failures", false),
            PublishArtifacts: reader.Boolean("emulator_artifacts", true),
            Error: reader.Text("emulator_error"));
    }
}
