namespace Fabrik.Executions.Storage;

/// <summary>PostgreSQL's <c>timestamptz</c> arrives as a UTC <see cref="DateTime"/>; messages carry offsets.</summary>
public static class DatabaseTime
{
    public static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
