namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>
/// The query parameters an endpoint takes, as endpoint metadata: the reader refuses any other (a misspelt filter
/// would otherwise silently match everything) and the OpenAPI document lists them.
/// </summary>
public sealed record AcceptedQuery(IReadOnlyList<QueryParameter> Parameters)
{
    public static AcceptedQuery Of(params IEnumerable<QueryParameter>[] groups) => new(groups.SelectMany(group => group).ToList());

    public bool Accepts(string name) => Parameters.Any(parameter => parameter.Name == name);
}
