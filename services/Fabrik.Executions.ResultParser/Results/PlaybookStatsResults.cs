using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>
/// Reads per-host results from the <c>event_data</c> of a <c>playbook_on_stats</c> event: maps of host to count
/// for <c>ok</c>, <c>changed</c>, <c>failures</c>, <c>dark</c> (unreachable) and <c>skipped</c>. Hosts that appear
/// only under <c>processed</c>, <c>ignored</c> or <c>rescued</c> are listed with zero counts.
/// </summary>
public static class PlaybookStatsResults
{
    private static readonly string[] CountMaps = ["ok", "changed", "failures", "dark", "skipped"];
    private static readonly string[] HostOnlyMaps = ["processed", "ignored", "rescued"];

    /// <exception cref="InvalidDataException">The event data is not shaped as Ansible writes its stats; the message says where.</exception>
    public static IReadOnlyList<HostResult> Parse(JsonElement eventData)
    {
        if (eventData.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"the stats event's event_data must be an object, not {JsonCounts.Abbreviate(eventData)}.");
        }

        var counts = CountMaps.ToDictionary(name => name, name => ReadMap(eventData, name), StringComparer.Ordinal);
        var hosts = counts.Values.SelectMany(map => map.Keys)
            .Concat(HostOnlyMaps.SelectMany(name => ReadMap(eventData, name).Keys))
            .Distinct(StringComparer.Ordinal);

        return hosts.Select(host => HostOutcomes.ToResult(
                host,
                counts["ok"].GetValueOrDefault(host),
                counts["changed"].GetValueOrDefault(host),
                counts["failures"].GetValueOrDefault(host),
                counts["dark"].GetValueOrDefault(host),
                counts["skipped"].GetValueOrDefault(host)))
            .ToList();
    }

    private static Dictionary<string, int> ReadMap(JsonElement eventData, string name)
    {
        if (!eventData.TryGetProperty(name, out var map) || map.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (map.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"event_data.{name} must map hosts to counts, not {JsonCounts.Abbreviate(map)}.");
        }

        return map.EnumerateObject().ToDictionary(
            entry => entry.Name.Length > 0 ? entry.Name : throw new InvalidDataException($"event_data.{name} has an empty host name."),
            entry => JsonCounts.Read(entry.Value, $"event_data.{name}[{entry.Name}]"),
            StringComparer.Ordinal);
    }
}
