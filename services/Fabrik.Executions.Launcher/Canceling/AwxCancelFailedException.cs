namespace Fabrik.Executions.Launcher.Canceling;

/// <summary>AWX refused a cancel for a reason other than the job's state, or did not answer it.</summary>
/// <param name="explanation">What went wrong, for an operator.</param>
/// <param name="refused">True when AWX answered and refused (a 4xx), false when it did not answer or failed.</param>
/// <param name="innerException">The failed call.</param>
public sealed class AwxCancelFailedException(string explanation, bool refused, Exception innerException)
    : Exception(explanation, innerException)
{
    public bool Refused { get; } = refused;
}
