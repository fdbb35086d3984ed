using System.ComponentModel.DataAnnotations;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Watchdog.Retention;

/// <summary>Which finished executions are deleted with their output, and how gently (<c>Retention__Mode</c> and so on).</summary>
public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";

    public RetentionMode Mode { get; set; } = RetentionMode.Off;

    [Range(1, 604_800, ErrorMessage = "Retention:IntervalSeconds must be between 1 and 604800.")]
    public int IntervalSeconds { get; set; } = 3_600;

    [Range(1, 36_500, ErrorMessage = "Retention:MaxAgeDays must be between 1 and 36500.")]
    public int MaxAgeDays { get; set; } = 90;

    /// <summary>The terminal statuses retention deletes; empty means all four.</summary>
    public ExecutionStatus[] Statuses { get; set; } = [];

    [Range(0, 1_000_000, ErrorMessage = "Retention:KeepLastPerTemplate must be between 0 and 1000000.")]
    public int KeepLastPerTemplate { get; set; } = 10;

    [Range(1, 1_000_000, ErrorMessage = "Retention:MaxChainsPerRun must be between 1 and 1000000.")]
    public int MaxChainsPerRun { get; set; } = 1_000;

    [Range(1, 100_000, ErrorMessage = "Retention:EventBatchSize must be between 1 and 100000.")]
    public int EventBatchSize { get; set; } = 5_000;

    [Range(0, 60_000, ErrorMessage = "Retention:BatchPauseMilliseconds must be between 0 and 60000.")]
    public int BatchPauseMilliseconds { get; set; } = 100;

    public TimeSpan Interval => TimeSpan.FromSeconds(IntervalSeconds);

    public TimeSpan BatchPause => TimeSpan.FromMilliseconds(BatchPauseMilliseconds);

    public RetentionPolicy PolicyAt(DateTimeOffset now) => new()
    {
        FinishedBefore = now - TimeSpan.FromDays(MaxAgeDays),
        Statuses = Statuses.Length == 0 ? Enum.GetValues<ExecutionStatus>().Where(status => status.IsTerminal()).ToArray() : Statuses,
        KeepLastPerTemplate = KeepLastPerTemplate,
        MaxChains = MaxChainsPerRun,
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        Statuses.Where(status => !status.IsTerminal()).Select(status => new ValidationResult(
            $"Retention:Statuses may name only terminal statuses (successful, failed, error, canceled); '{DatabaseText.From(status)}' is not one: "
            + "an execution that has not ended is never deleted.",
            [nameof(Statuses)]));
}
