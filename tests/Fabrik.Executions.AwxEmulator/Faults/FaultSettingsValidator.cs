using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Faults;

internal static class FaultSettingsValidator
{
    public static FieldErrors Validate(FaultSettings settings)
    {
        var errors = new FieldErrors();
        RequireFraction(errors, "server_error_rate", settings.ServerErrorRate);
        RequireFraction(errors, "latency_spike_probability", settings.LatencySpikeProbability);
        RequireFraction(errors, "late_visibility_probability", settings.LateVisibilityProbability);
        RequireFraction(errors, "never_visible_fraction", settings.NeverVisibleFraction);
        RequireDuration(errors, "latency_ms", settings.LatencyMs);
        RequireDuration(errors, "latency_spike_ms", settings.LatencySpikeMs);
        RequireDuration(errors, "out_of_order_window_ms", settings.OutOfOrderWindowMs);
        RequireDuration(errors, "late_visibility_delay_ms", settings.LateVisibilityDelayMs);
        RequireDuration(errors, "event_processing_finished_delay_ms", settings.EventProcessingFinishedDelayMs);
        if (settings.NeverVisibleCounters.Any(counter => counter < 1))
        {
            errors.Add("never_visible_counters", "Counters start at 1.");
        }
        if (settings.ServerErrorBurst is < 0 or > 10_000)
        {
            errors.Add("server_error_burst", "Must be between 0 and 10000.");
        }
        if (settings.RefuseTokenStatus is not (0 or StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden))
        {
            errors.Add("refuse_token_status", "Must be 0, 401 or 403.");
        }
        RequireFraction(errors, "event_damage.malformed_page_rate", settings.EventDamage.MalformedPageRate);
        if (settings.EventDamage.OversizedStdoutBytes is < 1 or > 64 * 1024 * 1024)
        {
            errors.Add("event_damage.oversized_stdout_bytes", "Must be between 1 and 67108864.");
        }
        return errors;
    }

    private static void RequireFraction(FieldErrors errors, string field, double value)
    {
        if (value is < 0 or > 1 || double.IsNaN(value))
        {
            errors.Add(field, "Must be between 0 and 1.");
        }
    }

    private static void RequireDuration(FieldErrors errors, string field, int milliseconds)
    {
        if (milliseconds is < 0 or > 600_000)
        {
            errors.Add(field, "Must be between 0 and 600000 milliseconds.");
        }
    }
}
