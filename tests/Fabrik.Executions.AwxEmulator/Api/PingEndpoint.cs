namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>AWX's <c>/api/v2/ping/</c>: open without a token, as in AWX, which services probe for readiness.</summary>
internal static class PingEndpoint
{
    public static WebApplication MapPingEndpoint(this WebApplication app)
    {
        app.MapGet($"{AwxUrls.Root}/ping/", () => TypedResults.Ok(new { ha = false, version = "24.6.1", active_node = "awx-emulator" }));
        return app;
    }
}
