namespace Fabrik.Executions.Launcher.Launching;

/// <summary>The AWX job a launch created, with the template as AWX described it just before.</summary>
public sealed record LaunchedJob(long JobId, string JobUrl, string TemplateSnapshotJson);
