using Fabrik.Executions.Gateway.Hubs;
using Microsoft.Net.Http.Headers;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// Where a request carries its credentials. API keys come in <c>X-Api-Key</c>; on the hub also where SignalR
/// clients put a token (the <c>access_token</c> query parameter of WebSockets, <c>Authorization: Bearer</c> of
/// negotiate), told apart from a JWT by its shape.
/// </summary>
public static class CallerCredentials
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string AccessTokenParameter = "access_token";

    /// <summary>The API key the request presents; empty when it presents one ambiguously; null when none.</summary>
    public static string? ApiKeyOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(ApiKeyHeader, out var header))
        {
            return header.Count == 1 ? header[0] ?? "" : "";
        }

        return HubTokenOf(request) is { } token && !IsJwt(token) ? token : null;
    }

    /// <summary>The token a SignalR client sends to the hub, from the query or the bearer header.</summary>
    public static string? HubTokenOf(HttpRequest request)
    {
        if (!request.Path.StartsWithSegments(ExecutionsHub.Path, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (request.Query.TryGetValue(AccessTokenParameter, out var query) && query.Count == 1 && !string.IsNullOrEmpty(query[0]))
        {
            return query[0];
        }

        var authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    /// <summary>A compact JWS has three dot-separated parts; an API key has no dots.</summary>
    private static bool IsJwt(string token) => token.Count(c => c == '.') == 2;
}
