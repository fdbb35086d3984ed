namespace Fabrik.Executions.Storage;

/// <summary>One page of the lines that contain a phrase, and how many there are in all.</summary>
public sealed record OutputSearchPage(IReadOnlyList<OutputLineHit> Hits, long TotalHits);
