namespace Fabrik.Executions.Gateway.Api.Queries;

/// <summary>Which page of a list: <c>page</c> from 1, <c>per_page</c> up to 100.</summary>
public sealed record Paging(int Page, int PerPage)
{
    public const int DefaultPerPage = 25;
    public const int MaxPerPage = 100;
    public const int MaxPage = 1_000_000;

    public static readonly QueryParameter PageParameter =
        QueryParameter.Integer("page", "The page, from 1.", 1, MaxPage, defaultValue: 1);

    public static readonly QueryParameter PerPageParameter =
        QueryParameter.Integer("per_page", $"Items per page, at most {MaxPerPage}.", 1, MaxPerPage, defaultValue: DefaultPerPage);

    public static readonly IReadOnlyList<QueryParameter> Parameters = [PageParameter, PerPageParameter];

    public int Offset => (Page - 1) * PerPage;

    public static Paging Read(QueryReader reader) =>
        new((int)(reader.Integer(PageParameter) ?? 1), (int)(reader.Integer(PerPageParameter) ?? DefaultPerPage));
}
