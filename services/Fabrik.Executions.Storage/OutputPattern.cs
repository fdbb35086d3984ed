namespace Fabrik.Executions.Storage;

/// <summary>
/// A phrase as the <c>ilike</c> operand the trigram index on <c>job_events.stdout_plain</c> (stdout without its colours)
/// serves: LIKE's wildcards and escape character in the phrase are escaped, so <c>50%</c> finds "50%" and not "50 anything".
/// </summary>
internal static class OutputPattern
{
    public const string Parameter = "phrase";

    /// <summary>The SQL that matches <paramref name="column"/> (<c>j.stdout_plain</c> by default) against the phrase parameter.</summary>
    public static string Matches(string alias, string column = "stdout_plain") => $"{alias}.{column} ilike '%' || @{Parameter} || '%'";

    public static string Escape(string phrase) =>
        phrase.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
}
