namespace Fabrik.Executions.Launcher.Relaunching;

/// <summary>
/// Whether a host name, put in an AWX limit, means that host and nothing else: Ansible reads a limit as patterns, so a
/// name holding a separator, a wildcard, a range or a leading operator would select other hosts, or none.
/// </summary>
public static class HostPattern
{
    public const string Rule = "it must not hold , : * ? [ ] or white space, nor start with ! & or ~";

    private static readonly char[] PatternCharacters = [',', ':', '*', '?', '[', ']'];

    public static bool NamesExactly(string host) =>
        host.Length > 0
        && host.IndexOfAny(PatternCharacters) < 0
        && !host.Any(character => char.IsWhiteSpace(character) || char.IsControl(character))
        && host[0] is not ('!' or '&' or '~');
}
