using Fabrik.Executions.Contracts;

namespace Fabrik.Executions.ResultParser.Results;

/// <summary>Per-host results, ordered by host name, and the source they were read from.</summary>
public sealed record ParsedHostResults(HostResultsSource Source, IReadOnlyList<HostResult> Hosts);
