using Fabrik.Executions.AwxEmulator.Hosting;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>Answers 401 as AWX does unless the request carries the emulator's bearer token.</summary>
internal sealed class BearerTokenFilter(EmulatorToken token) : IEndpointFilter
{
    // AWX appends the login hint to every 401 detail and advertises Bearer, never Basic (see awx/api/generics.py).
    internal const string NotAuthenticated =
        "Authentication credentials were not provided. To establish a login session, visit /api/login/.";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (token.IsPresentedBy(http.Request.Headers.Authorization))
        {
            return await next(context);
        }
        http.Response.Headers.WWWAuthenticate = "Bearer realm=api authorization_url=/api/o/authorize/";
        return AwxResults.Detail(StatusCodes.Status401Unauthorized, NotAuthenticated);
    }
}
