namespace Fabrik.Executions.AwxEmulator.Control;

/// <summary>An AWX API request the emulator received: its method, path and query parameters (several values joined with commas).</summary>
public sealed record ApiRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, DateTimeOffset ReceivedAt);
