using Microsoft.Extensions.FileProviders;

namespace Fabrik.Executions.Gateway.WebApp;

/// <summary>
/// Serves the built web app: its files, and its index.html for the app's own pages, <c>/</c> and
/// <c>/executions/{id}</c>. Nothing else falls back to index.html, so an unknown path under <c>/api</c>, <c>/hubs</c>,
/// <c>/health</c>, <c>/metrics</c> or <c>/openapi</c> keeps its own 404.
/// </summary>
public static partial class WebAppExtensions
{
    /// <summary>The folder of the built app (<c>web/dist</c>); <c>&lt;content root&gt;/wwwroot</c> when not set.</summary>
    public const string RootKey = "WebApp:Root";

    private static readonly string[] AppPages = ["/", "/executions/{id}"];
    private static readonly string[] PageMethods = [HttpMethods.Get, HttpMethods.Head];
    private static readonly string[] ServerPrefixes = ["/api", "/hubs", "/health", "/metrics", "/openapi"];

    public static WebApplication MapWebApp(this WebApplication app)
    {
        var root = Path.GetFullPath(app.Configuration[RootKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(app.Environment.ContentRootPath, "wwwroot"));
        var index = Path.Combine(root, "index.html");
        if (File.Exists(index))
        {
            MapBuiltApp(app, root, index);
        }
        else
        {
            LogNotBuilt(app.Logger, root);
            MapPages(app, () => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, detail: NotBuiltDetail(root)));
        }

        return app;
    }

    private static void MapBuiltApp(WebApplication app, string root, string index)
    {
        app.UseWhen(
            context => !IsServerPath(context.Request.Path),
            branch => branch.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(root),
                OnPrepareResponse = file => WebAppHeaders.ApplyToFile(file.Context.Response, file.Context.Request.Path),
            }));
        MapPages(app, (HttpResponse response) =>
        {
            WebAppHeaders.ApplyToPage(response);
            return TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
        });
    }

    private static void MapPages(WebApplication app, Delegate handler)
    {
        foreach (var page in AppPages)
        {
            app.MapMethods(page, PageMethods, handler).ExcludeFromDescription();
        }
    }

    private static bool IsServerPath(PathString path) =>
        ServerPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static string NotBuiltDetail(string root) =>
        $"The web app is not built: {root} has no index.html. Build it with `npm ci && npm run build` in web/, "
        + $"or point {RootKey} at the folder that holds it.";

    [LoggerMessage(Level = LogLevel.Warning, Message = "The web app is not built: {Root} has no index.html; / and /executions/{{id}} answer 503 until it is")]
    private static partial void LogNotBuilt(ILogger logger, string root);
}
