using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Control;

namespace Fabrik.Executions.IntegrationTests;

/// <summary>Per-host rows compared as values, whichever side they came from.</summary>
internal sealed record HostRow(string Host, string Status, int Ok, int Changed, int Failed, int Unreachable, int Skipped)
{
    public static IEnumerable<HostRow> From(IEnumerable<ExpectedHostOutcome> expected) =>
        expected.Select(e => new HostRow(e.Host, e.Status, e.Ok, e.Changed, e.Failed, e.Unreachable, e.Skipped));

    public static IEnumerable<HostRow> From(JsonElement rowResults) =>
        rowResults.EnumerateArray().Select(row => new HostRow(
            row.GetProperty("host").GetString()!,
            row.GetProperty("status").GetString()!,
            row.GetProperty("ok").GetInt32(),
            row.GetProperty("changed").GetInt32(),
            row.GetProperty("failed").GetInt32(),
            row.GetProperty("unreachable").GetInt32(),
            row.GetProperty("skipped").GetInt32()));
}
