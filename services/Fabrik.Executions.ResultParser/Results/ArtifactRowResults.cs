using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>
/// Reads the per-host results a playbook reports in its artifacts (<c>set_stats</c> of <c>row_results</c>):
/// <c>[{"host", "status", "ok", "changed", "failed", "unreachable", "skipped"}]</c>. A missing count is 0; a missing
/// status follows from the counts; a given status is the playbook's word and is kept.
/// </summary>
public static class ArtifactRowResults
{
    public const string PropertyName = "row_results";
    private const int MaxHostLength = 1024;

    private static readonly Dictionary<string, HostOutcome> Outcomes = Enum.GetValues<HostOutcome>()
        .ToDictionary(outcome => JsonNamingPolicy.SnakeCaseLower.ConvertName(outcome.ToString()), StringComparer.OrdinalIgnoreCase);

    /// <summary>The results, or null when the artifacts hold no <c>row_results</c>.</summary>
    /// <exception cref="InvalidDataException">The row_results are there but malformed; the message says where.</exception>
    public static IReadOnlyList<HostResult>? Parse(JsonElement artifacts)
    {
        if (artifacts.ValueKind != JsonValueKind.Object || !artifacts.TryGetProperty(PropertyName, out var rows))
        {
            return null;
        }

        if (rows.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{PropertyName} must be a list, not {JsonCounts.Abbreviate(rows)}.");
        }

        var results = new List<HostResult>();
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var row in rows.EnumerateArray())
        {
            var result = ParseRow(row, $"{PropertyName}[{index++}]");
            if (!hosts.Add(result.Host))
            {
                throw new InvalidDataException($"{PropertyName} names host '{result.Host}' more than once.");
            }

            results.Add(result);
        }

        return results;
    }

    private static HostResult ParseRow(JsonElement row, string where)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidDataException($"{where} must be an object, not {JsonCounts.Abbreviate(row)}.");
        }

        if (!row.TryGetProperty("host", out var hostValue) || hostValue.ValueKind != JsonValueKind.String
            || hostValue.GetString() is not { Length: > 0 and <= MaxHostLength } host || string.IsNullOrWhiteSpace(host))
        {
            throw new InvalidDataException($"{where}.host must be a host name of 1 to {MaxHostLength} characters.");
        }

        var counted = HostOutcomes.ToResult(
            host,
            JsonCounts.ReadOptional(row, "ok", where),
            JsonCounts.ReadOptional(row, "changed", where),
            JsonCounts.ReadOptional(row, "failed", where),
            JsonCounts.ReadOptional(row, "unreachable", where),
            JsonCounts.ReadOptional(row, "skipped", where));
        return row.TryGetProperty("status", out var status) ? counted with { Status = ReadStatus(status, where) } : counted;
    }

    private static HostOutcome ReadStatus(JsonElement status, string where) =>
        status.ValueKind == JsonValueKind.String && Outcomes.TryGetValue(status.GetString()!, out var outcome)
            ? outcome
            : throw new InvalidDataException(
                $"{where}.status must be one of ok, changed, failed, unreachable, skipped, not {JsonCounts.Abbreviate(status)}.");
}
