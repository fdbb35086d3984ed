namespace Fabrik.Executions.Awx;

/// <summary>Reads AWX's relative pagination links (<c>/api/v2/jobs/8/job_events/?page=2&amp;page_size=200</c>).</summary>
public static class RelativeLink
{
    /// <summary>The link's query parameters, after checking it points at <paramref name="expectedPath"/>.</summary>
    public static Dictionary<string, string> ParseQuery(string link, string expectedPath)
    {
        var queryStart = link.IndexOf('?', StringComparison.Ordinal);
        var path = queryStart < 0 ? link : link[..queryStart];
        if (Uri.TryCreate(path, UriKind.Absolute, out var absolute))
        {
            path = absolute.AbsolutePath;
        }

        if (!string.Equals(path, expectedPath, StringComparison.Ordinal))
        {
            throw new AwxResponseException($"AWX's next link '{link}' leaves {expectedPath}.");
        }

        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        if (queryStart < 0)
        {
            return query;
        }

        foreach (var pair in link[(queryStart + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            query[name] = value;
        }

        return query;
    }
}
