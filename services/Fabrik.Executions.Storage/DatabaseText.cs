using System.Text.Json;
using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.Storage;

/// <summary>The words the schema's check constraints accept, written the way AWX writes them.</summary>
public static class DatabaseText
{
    public static string From<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());

    public static ExecutionStatus ToStatus(string value) =>
        Enum.TryParse<ExecutionStatus>(value, ignoreCase: true, out var status)
            ? status
            : throw new InvalidDataException($"Unknown execution status '{value}' in the database.");

    public static string[] From(IEnumerable<ExecutionStatus> statuses) => statuses.Select(From).ToArray();
}
