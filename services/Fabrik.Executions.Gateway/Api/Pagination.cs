using Fabrik.Executions.Gateway.Api.Queries;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>Where a page lies in its list.</summary>
public sealed record Pagination(int Page, int PerPage, long TotalItems, long TotalPages)
{
    public static Pagination Of(Paging paging, long totalItems) =>
        new(paging.Page, paging.PerPage, totalItems, (totalItems + paging.PerPage - 1) / paging.PerPage);
}
