using System.Globalization;
using System.Text;
using Fabrik.Executions.AwxEmulator.Api.Resources;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>
/// AWX's page-number pagination (awx/api/pagination.py on DRF): page_size defaults to 25 and is capped at 200 without
/// complaint; a bad page_size falls back to the default; a page out of range is 404 "Invalid page."; next and previous
/// are the request's own path and query with page replaced, page_size capped, and the parameters sorted.
/// </summary>
internal static class AwxPagination
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;
    private const string InvalidPage = "Invalid page.";

    /// <summary>The requested page of <paramref name="items"/>, each represented as the response shows it.</summary>
    public static IResult PageOf<T, TResource>(HttpRequest request, IReadOnlyList<T> items, Func<T, TResource> represent)
    {
        if (Paginate(request, items) is not { } page)
        {
            return AwxResults.Detail(StatusCodes.Status404NotFound, InvalidPage);
        }
        return TypedResults.Ok(new AwxPage<TResource>(page.Count, page.Next, page.Previous, page.Results.Select(represent).ToList()));
    }

    private static AwxPage<T>? Paginate<T>(HttpRequest request, IReadOnlyList<T> items)
    {
        var (pageSize, capped) = PageSizeOf(request);
        var pageCount = Math.Max(1, (items.Count + pageSize - 1) / pageSize);
        var pageText = request.Query["page"].ToString();
        int page;
        if (pageText.Length == 0)
        {
            page = 1;
        }
        else if (pageText == "last")
        {
            page = pageCount;
        }
        else if (!int.TryParse(pageText, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out page)
            || page < 1 || page > pageCount)
        {
            return null;
        }
        var results = items.Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new AwxPage<T>(
            items.Count,
            page < pageCount ? LinkTo(request, page + 1, capped) : null,
            page > 1 ? LinkTo(request, page - 1, capped) : null,
            results);
    }

    private static (int PageSize, bool Capped) PageSizeOf(HttpRequest request)
    {
        var text = request.Query["page_size"].ToString();
        if (!int.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign,
                CultureInfo.InvariantCulture, out var requested) || requested < 1)
        {
            return (DefaultPageSize, false);
        }
        return requested > MaxPageSize ? (MaxPageSize, true) : (requested, false);
    }

    private static string LinkTo(HttpRequest request, int page, bool capPageSize)
    {
        var parameters = request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.Select(value => value ?? "").ToArray(), StringComparer.Ordinal);
        parameters["page"] = [page.ToString(CultureInfo.InvariantCulture)];
        if (capPageSize)
        {
            parameters["page_size"] = [MaxPageSize.ToString(CultureInfo.InvariantCulture)];
        }
        var query = string.Join('&', parameters
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .SelectMany(pair => pair.Value.Select(value => $"{QuotePlus(pair.Key)}={QuotePlus(value)}")));
        return $"{request.PathBase.ToUriComponent()}{request.Path.ToUriComponent()}?{query}";
    }

    // Python's urllib.parse.quote_plus, which DRF's replace_query_param uses through urlencode.
    private static string QuotePlus(string value)
    {
        var encoded = new StringBuilder(value.Length);
        foreach (var octet in Encoding.UTF8.GetBytes(value))
        {
            var character = (char)octet;
            if (char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-' or '~')
            {
                encoded.Append(character);
            }
            else if (character == ' ')
            {
                encoded.Append('+');
            }
            else
            {
                encoded.Append('%').Append(octet.ToString("X2", CultureInfo.InvariantCulture));
            }
        }
        return encoded.ToString();
    }
}
