using System.Globalization;

namespace Fabrik.Executions.AwxEmulator.Synthetic;

/// <summary>Stdout as ansible-core's default callback prints it: 80-column banners, coloured lines, \r\n line ends.</summary>
internal static class AnsibleStdout
{
    private const int Columns = 79;
    private const string LineEnd = "\r\n";

    public static string Banner(string title)
    {
        var stars = Math.Max(3, Columns - title.Length);
        return $"{LineEnd}{title} {new string('*', stars)}";
    }

    /// <summary>Ansible colours every line on its own.</summary>
    public static string Colored(string color, string text) =>
        string.Join(LineEnd, text.Split('\n').Select(line => $"{color}{line}{AnsiColor.Reset}"));

    public static int LineCount(string stdout) =>
        stdout.Length == 0 ? 0 : stdout.Split(LineEnd).Length;

    public static string Recap(IEnumerable<(string Host, HostTally Tally)> hosts)
    {
        var lines = hosts.OrderBy(host => host.Host, StringComparer.Ordinal).Select(host => RecapLine(host.Host, host.Tally));
        return Banner("PLAY RECAP") + LineEnd + string.Join(LineEnd, lines) + LineEnd;
    }

    private static string RecapLine(string host, HostTally tally)
    {
        var hostColor = tally.Failures > 0 || tally.Dark > 0 ? AnsiColor.Error : tally.Changed > 0 ? AnsiColor.Changed : AnsiColor.Ok;
        var coloredHost = $"{hostColor}{host}{AnsiColor.Reset}".PadRight(37);
        string[] counts =
        [
            Count("ok", tally.Ok, AnsiColor.Ok),
            Count("changed", tally.Changed, AnsiColor.Changed),
            Count("unreachable", tally.Dark, AnsiColor.Unreachable),
            Count("failed", tally.Failures, AnsiColor.Error),
            Count("skipped", tally.Skipped, AnsiColor.Skip),
            Count("rescued", 0, AnsiColor.Ok),
            Count("ignored", 0, AnsiColor.Warn),
        ];
        return $"{coloredHost} : {string.Join(' ', counts)}";
    }

    private static string Count(string label, int value, string color)
    {
        var text = $"{label}={value.ToString(CultureInfo.InvariantCulture),-4}";
        return value == 0 ? text : $"{color}{text}{AnsiColor.Reset}";
    }
}
