namespace Fabrik.Executions.Gateway.Api;

/// <summary>Times as the API writes them: the UTC instants PostgreSQL's timestamptz holds, with their offset.</summary>
public static class ApiTime
{
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? value) => value is null ? null : Utc(value.Value);
}
