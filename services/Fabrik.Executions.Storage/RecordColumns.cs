using System.Text.Json;

namespace Fabrik.Executions.Storage;

/// <summary>
/// The columns a row record maps, its properties in snake_case, for queries that name them instead of selecting
/// <c>*</c>: statements are prepared (<see cref="StorageExtensions"/>), and a prepared statement whose result grew a
/// column, because a migration added one while the service ran, fails with "cached plan must not change result type".
/// </summary>
internal static class RecordColumns<TRecord>
{
    public static readonly string List = string.Join(", ", typeof(TRecord).GetProperties().Select(property => JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name)));
}
