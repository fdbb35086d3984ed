using System.Text.RegularExpressions;

namespace Fabrik.Executions.Storage;

/// <summary>
/// The terminal escape sequences Ansible colours its output with, as one pattern that .NET and PostgreSQL read alike:
/// CSI sequences (<c>ESC [ 0;32 m</c>) and two-character escapes. The database's <c>ansi_stripped</c> (migration 0016),
/// which fills <c>job_events.stdout_plain</c> for rows stored without it, uses the same pattern.
/// </summary>
public static partial class AnsiEscapes
{
    private const string Pattern = @"\u001B(?:\[[0-?]*[ -/]*[@-~]|[@-_])";

    public static string Strip(string text) => text.Contains('\u001B', StringComparison.Ordinal) ? Escapes().Replace(text, "") : text;

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Escapes();
}
