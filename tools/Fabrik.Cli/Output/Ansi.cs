using System.Text.RegularExpressions;

namespace Fabrik.Cli.Output;

/// <summary>Terminal colours: the command's own, and Ansible's removed where the output is not a terminal.</summary>
public static partial class Ansi
{
    public static string Green(string text, bool colour) => Paint("32", text, colour);

    public static string Red(string text, bool colour) => Paint("31", text, colour);

    public static string Yellow(string text, bool colour) => Paint("33", text, colour);

    public static string Dim(string text, bool colour) => Paint("2", text, colour);

    /// <summary>A status word in the colour operators expect: green successful, red failed or error, yellow the rest.</summary>
    public static string Status(string status, bool colour) => status switch
    {
        "successful" => Green(status, colour),
        "failed" or "error" => Red(status, colour),
        _ => Yellow(status, colour),
    };

    /// <summary>The text as the output wants it: as AWX coloured it on a terminal, without escapes elsewhere.</summary>
    public static string Keep(string text, bool colour) => colour ? text : Escapes().Replace(text, "");

    private static string Paint(string code, string text, bool colour) => colour ? $"\u001B[{code}m{text}\u001B[0m" : text;

    [GeneratedRegex(@"\u001B(?:\[[0-?]*[ -/]*[@-~]|[@-_])", RegexOptions.CultureInvariant)]
    private static partial Regex Escapes();
}
