using Dapper;
using Npgsql;

namespace Fabrik.Executions.Storage;

/// <summary>The conditions of a <c>where</c> clause built from optional filters, each value bound as a parameter.</summary>
internal sealed class SqlConditions
{
    private readonly List<string> conditions = [];
    private readonly Dictionary<string, object> parameters = new(StringComparer.Ordinal);

    public string Where => conditions.Count == 0 ? "true" : string.Join(" and ", conditions);

    public SqlConditions Add(string condition, string parameter, object value)
    {
        conditions.Add(condition);
        parameters.Add(parameter, value);
        return this;
    }

    /// <summary>Adds the condition only when there is a value to bind: a filter left out matches all.</summary>
    public SqlConditions AddIf(string condition, string parameter, object? value) =>
        value is null ? this : Add(condition, parameter, value);

    /// <summary>
    /// When a phrase is given, that the output it is checked in (<paramref name="condition"/>, using
    /// <see cref="OutputPattern.Matches"/>) contains it, ignoring case.
    /// </summary>
    public SqlConditions AddOutputContainsIf(string condition, string? phrase) =>
        AddIf(condition, OutputPattern.Parameter, phrase is null ? null : OutputPattern.Escape(phrase));

    public DynamicParameters ToDynamicParameters()
    {
        var dynamic = new DynamicParameters();
        foreach (var (name, value) in parameters)
        {
            dynamic.Add(name, value);
        }

        return dynamic;
    }

    public void AddParametersTo(NpgsqlCommand command)
    {
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
    }
}
