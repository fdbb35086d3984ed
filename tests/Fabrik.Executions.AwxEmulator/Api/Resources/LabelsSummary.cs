namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record LabelsSummary(int Count, IReadOnlyList<ObjectSummary> Results)
{
    public static LabelsSummary None { get; } = new(0, []);
}
