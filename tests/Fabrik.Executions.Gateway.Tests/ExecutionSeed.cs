namespace Fabrik.Executions.Gateway.Tests;

/// <summary>An execution put straight into the database, with the fields the list filters on chosen by the test.</summary>
internal sealed record ExecutionSeed
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public string RequestId { get; init; } = "seed-" + Guid.NewGuid();
    public int TemplateId { get; init; } = 1;
    public string TemplateName { get; init; } = "Synthetic";
    public string LaunchedBy { get; init; } = "tests";
    public string Status { get; init; } = "successful";
    public Guid? RelaunchOf { get; init; }
    public short RelaunchCount { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public long? AwxJobId { get; init; }
    public string? StatusExplanation { get; init; }
}
