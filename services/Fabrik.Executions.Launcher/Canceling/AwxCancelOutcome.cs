namespace Fabrik.Executions.Launcher.Canceling;

/// <summary>What AWX made of a cancel.</summary>
public enum AwxCancelOutcome
{
    /// <summary>Accepted (202): AWX stops the job at its next task boundary.</summary>
    Requested,

    /// <summary>Refused with 405: the job had already finished.</summary>
    AlreadyFinished,

    /// <summary>404: AWX no longer has the job.</summary>
    Vanished,
}
