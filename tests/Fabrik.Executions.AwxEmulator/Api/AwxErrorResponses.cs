using Fabrik.Executions.AwxEmulator.Api.Resources;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>Gives the errors ASP.NET Core answers on its own (no route, wrong method, a crash) AWX's <c>{"detail": ...}</c> body.</summary>
internal static class AwxErrorResponses
{
    public static WebApplication UseAwxErrorResponses(this WebApplication app)
    {
        app.UseExceptionHandler(failed => failed.Run(context =>
            WriteAsync(context.Response, StatusCodes.Status500InternalServerError, "A server error has occurred.")));
        app.UseStatusCodePages(context =>
        {
            var response = context.HttpContext.Response;
            var detail = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => AwxResults.NotFoundDetail,
                StatusCodes.Status405MethodNotAllowed => $"Method \"{context.HttpContext.Request.Method}\" not allowed.",
                _ => null,
            };
            return detail is null ? Task.CompletedTask : WriteAsync(response, response.StatusCode, detail);
        });
        return app;
    }

    private static Task WriteAsync(HttpResponse response, int statusCode, string detail)
    {
        response.StatusCode = statusCode;
        return response.WriteAsJsonAsync(new ErrorDetail(detail), AwxJson.Options);
    }
}
