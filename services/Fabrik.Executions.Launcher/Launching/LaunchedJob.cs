namespace Fabrik.Executions.Launcher.Launching;

/// <summary>The AWX job a launch created.</summary>
public sealed record LaunchedJob(long JobId, string JobUrl);
