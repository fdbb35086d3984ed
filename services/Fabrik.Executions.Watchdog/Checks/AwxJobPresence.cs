namespace Fabrik.Executions.Watchdog.Checks;

/// <summary>What AWX said about a job the Watchdog asked for.</summary>
public enum AwxJobPresence
{
    Exists,
    /// <summary>AWX answered 404: the job was deleted.</summary>
    Vanished,
    /// <summary>AWX refused the token, failed or did not answer: nothing can be concluded.</summary>
    Unknown,
}
