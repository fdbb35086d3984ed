using System.ComponentModel.DataAnnotations;

namespace Fabrik.Executions.Watchdog;

/// <summary>How often the Watchdog looks and how long it lets things stand still (<c>Watchdog__SweepIntervalMilliseconds</c> and so on).</summary>
public sealed class WatchdogOptions
{
    public const string Section = "Watchdog";

    [Range(100, 3_600_000, ErrorMessage = "Watchdog:SweepIntervalMilliseconds must be between 100 and 3600000.")]
    public int SweepIntervalMilliseconds { get; set; } = 10_000;

    /// <summary>
    /// How long after its launch an execution is left to the pollers alone: ExecutionLaunched and their own scans start
    /// its stream within seconds, and until one has, a missing lease and keepalive mean nothing.
    /// </summary>
    [Range(0, 3_600, ErrorMessage = "Watchdog:LaunchGraceSeconds must be between 0 and 3600.")]
    public int LaunchGraceSeconds { get; set; } = 15;

    /// <summary>
    /// How long an execution may stay pending, counted from its creation or, once the Launcher claimed it, from the
    /// launch attempt. Keep it at least the Launcher's slowest launch, 4 × <c>Awx:RequestTimeoutSeconds</c> = 120 s by default (reading the
    /// template with retries, then one launch call), or a launch still under way may be declared lost.
    /// </summary>
    [Range(10, 86_400, ErrorMessage = "Watchdog:PendingTimeoutSeconds must be between 10 and 86400.")]
    public int PendingTimeoutSeconds { get; set; } = 180;

    /// <summary>How long a finished execution may go without parsed results before its ExecutionFinished is published again.</summary>
    [Range(10, 86_400, ErrorMessage = "Watchdog:ResultsTimeoutSeconds must be between 10 and 86400.")]
    public int ResultsTimeoutSeconds { get; set; } = 120;

    /// <summary>Least time between two ResumeStreaming for one execution: a resumed stream refreshes its keepalive within seconds.</summary>
    [Range(1, 3_600, ErrorMessage = "Watchdog:ResumeRepeatSeconds must be between 1 and 3600.")]
    public int ResumeRepeatSeconds { get; set; } = 30;

    public TimeSpan SweepInterval => TimeSpan.FromMilliseconds(SweepIntervalMilliseconds);

    public TimeSpan LaunchGrace => TimeSpan.FromSeconds(LaunchGraceSeconds);

    public TimeSpan PendingTimeout => TimeSpan.FromSeconds(PendingTimeoutSeconds);

    public TimeSpan ResultsTimeout => TimeSpan.FromSeconds(ResultsTimeoutSeconds);

    public TimeSpan ResumeRepeat => TimeSpan.FromSeconds(ResumeRepeatSeconds);
}
