namespace Fabrik.Executions.BrowserTests;

/// <summary>A duration as the page writes it (formatDuration in web/src/app/shared/format.ts): 42s, 3m 07s, 2h 05m, or – for none.</summary>
internal static class ShownDuration
{
    public static string Of(double? seconds)
    {
        if (seconds is not { } value || value < 0)
        {
            return "–";
        }

        var whole = (long)Math.Floor(value);
        var (hours, minutes, rest) = (whole / 3600, whole % 3600 / 60, whole % 60);
        return hours > 0 ? FormattableString.Invariant($"{hours}h {minutes:00}m")
            : minutes > 0 ? FormattableString.Invariant($"{minutes}m {rest:00}s")
            : FormattableString.Invariant($"{rest}s");
    }
}
