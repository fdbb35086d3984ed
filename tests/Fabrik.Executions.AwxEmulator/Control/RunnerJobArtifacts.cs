namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>Where ansible-runner ran a job: its private data dir and the <c>job_events</c> files it wrote there.</summary>
public sealed record RunnerJobArtifacts(string PrivateDataDirectory, string ArtifactDirectory, string JobEventsDirectory);
