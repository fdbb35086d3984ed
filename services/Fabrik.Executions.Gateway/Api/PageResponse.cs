namespace Fabrik.Executions.Gateway.Api;

/// <summary>A page of a list, as the API answers every list: <c>{ "data": [...], "pagination": {...} }</c>.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Data, Pagination Pagination);
