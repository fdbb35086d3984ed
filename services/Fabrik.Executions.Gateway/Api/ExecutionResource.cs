using System.Text.Json;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>
/// An execution as the API and the hub show it. AWX's job data is left out on purpose: it can hold the job's
/// environment, secrets included.
/// </summary>
public sealed record ExecutionResource
{
    public required Guid Id { get; init; }
    public required string RequestId { get; init; }
    public required TemplateReference Template { get; init; }
    public required ExecutionStatus Status { get; init; }
    public string? StatusExplanation { get; init; }
    public long? AwxJobId { get; init; }
    public string? AwxJobUrl { get; init; }
    public required int ProgressPercentage { get; init; }
    public string? CurrentTask { get; init; }
    public double? ElapsedSeconds { get; init; }
    public required JsonElement ExtraVars { get; init; }
    public string? Limit { get; init; }
    public int? Inventory { get; init; }
    public required IReadOnlyList<int> Credentials { get; init; }
    public required string LaunchedBy { get; init; }
    public Guid? RelaunchOf { get; init; }
    public required int RelaunchCount { get; init; }
    public string? RelaunchHosts { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public DateTimeOffset? LaunchedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? FinishedAt { get; init; }
    public long? FinalCounter { get; init; }
    public bool? Complete { get; init; }
    public IReadOnlyList<long>? MissingCounters { get; init; }
    public bool? PartialSuccess { get; init; }
    public string? ResultsSource { get; init; }
    public JsonElement? RowResults { get; init; }
    public JsonElement? Artifacts { get; init; }

    public static ExecutionResource From(ExecutionRecord execution) => new()
    {
        Id = execution.Id,
        RequestId = execution.RequestId,
        Template = new TemplateReference { Kind = execution.TemplateKind, Id = execution.TemplateId, Name = execution.TemplateName },
        Status = execution.Status,
        StatusExplanation = execution.StatusExplanation,
        AwxJobId = execution.AwxJobId,
        AwxJobUrl = execution.AwxJobUrl,
        ProgressPercentage = execution.ProgressPercentage,
        CurrentTask = execution.CurrentTask,
        ElapsedSeconds = execution.ElapsedSeconds,
        ExtraVars = Json(execution.ExtraVars),
        Limit = execution.LimitPattern,
        Inventory = execution.InventoryId,
        Credentials = execution.CredentialIds,
        LaunchedBy = execution.LaunchedBy,
        RelaunchOf = execution.RelaunchOf,
        RelaunchCount = execution.RelaunchCount,
        RelaunchHosts = execution.RelaunchHosts,
        CreatedAt = ApiTime.Utc(execution.CreatedAt),
        UpdatedAt = ApiTime.Utc(execution.UpdatedAt),
        LaunchedAt = ApiTime.Utc(execution.LaunchedAt),
        StartedAt = ApiTime.Utc(execution.StartedAt),
        FinishedAt = ApiTime.Utc(execution.FinishedAt),
        FinalCounter = execution.FinalCounter,
        Complete = execution.Complete,
        MissingCounters = execution.MissingCounters,
        PartialSuccess = execution.PartialSuccess,
        ResultsSource = execution.ResultsSource,
        RowResults = execution.RowResults is null ? null : Json(execution.RowResults),
        Artifacts = execution.Artifacts is null ? null : Json(execution.Artifacts),
    };

    public static PageResponse<ExecutionResource> PageOf(ExecutionPage page, Paging paging) =>
        new(page.Items.Select(From).ToList(), Pagination.Of(paging, page.TotalItems));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
