using System.Text.RegularExpressions;
using Fabrik.Executions.AwxEmulator.Events;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>
/// AWX's list view cuts event stdout to EVENT_STDOUT_MAX_BYTES_DISPLAY (1024) characters unless <c>no_truncate</c> is set:
/// the first 1023, an ellipsis, then a reset for every colour left open (awx/main/utils/common.py truncate_stdout).
/// playbook_on_* events are never cut; event_data is never touched.
/// </summary>
internal static partial class StdoutTruncation
{
    public const int MaxCharacters = 1024;
    private const string Reset = "\u001b[0m";

    public static string Apply(StoredJobEvent jobEvent)
    {
        var stdout = jobEvent.Stdout;
        if (jobEvent.Event.StartsWith("playbook_on", StringComparison.Ordinal) || stdout.Length <= MaxCharacters)
        {
            return stdout;
        }
        var cut = string.Concat(stdout.AsSpan(0, MaxCharacters - 1), "\u2026");
        var sequences = AnsiSgr().Matches(cut);
        var resets = sequences.Count(sequence => sequence.Value == Reset);
        var opened = sequences.Count - resets;
        return cut + string.Concat(Enumerable.Repeat(Reset, Math.Max(0, opened - resets)));
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m", RegexOptions.CultureInvariant)]
    private static partial Regex AnsiSgr();
}
