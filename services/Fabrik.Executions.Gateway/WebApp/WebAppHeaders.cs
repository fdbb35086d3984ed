namespace Fabrik.Executions.Gateway.WebApp;

/// <summary>The headers the web app is served with: caching that suits each file, and a policy that keeps job output inert.</summary>
internal static class WebAppHeaders
{
    /// <summary>
    /// Only the app's own scripts run: output is rendered as escaped text, and even markup that slipped through could
    /// not run inline script or event handlers. The hub is reached on the same origin (<c>'self'</c> covers ws:).
    /// </summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    /// <summary>Vite names every built asset by its content hash: a changed file is a new name.</summary>
    private const string AssetsPath = "/assets";

    public static void ApplyToPage(HttpResponse response)
    {
        response.Headers.CacheControl = "no-cache";
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        ApplyCommon(response);
    }

    public static void ApplyToFile(HttpResponse response, PathString path)
    {
        response.Headers.CacheControl = path.StartsWithSegments(AssetsPath, StringComparison.Ordinal)
            ? "public, max-age=31536000, immutable"
            : "no-cache";
        ApplyCommon(response);
    }

    private static void ApplyCommon(HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
