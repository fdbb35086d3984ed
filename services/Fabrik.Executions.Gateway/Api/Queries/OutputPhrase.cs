namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>
/// <c>q</c>: a phrase searched for in output, case-insensitively and literally. At least three characters, the
/// shortest the trigram index can serve.
/// </summary>
public static class OutputPhrase
{
    public const int MinLength = 3;
    public const int MaxLength = 200;

    public static readonly QueryParameter Filter = QueryParameter.Text(
        "q", "Only what has output containing this phrase (case-insensitive, taken literally).", MinLength, MaxLength);

    public static readonly QueryParameter Search = Filter with
    {
        Description = "The phrase to find (case-insensitive, taken literally).",
        Required = true,
    };
}
