namespace Fabrik.Executions.Storage;

/// <summary>The Watchdog's repeatable actions, each recorded per execution in <c>watchdog_actions</c>.</summary>
public enum WatchdogAction
{
    ResumeStreaming,
    ResendLaunch,
    RepublishFinished,
}
