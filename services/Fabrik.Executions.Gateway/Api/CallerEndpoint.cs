using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Auth;

namespace Fabrik.Executions.Gateway.Api;

/// <summary><c>GET /api/v1/me</c>: who the Gateway takes the caller for, so a client shows only what the role allows.</summary>
public static class CallerEndpoint
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of();

    public static WebApplication MapCallerEndpoint(this WebApplication app)
    {
        app.MapGet("/api/v1/me", (HttpContext context) =>
            {
                var errors = new FieldErrors();
                QueryReader.Open(context.Request.Query, Accepted, errors);
                if (errors.Any)
                {
                    return errors.ToProblem();
                }

                var caller = Caller.From(context.User);
                return TypedResults.Ok(new ItemResponse<CallerResource>(new CallerResource(caller.Name, caller.Kind, caller.Role)));
            })
            .WithTags("Caller")
            .WithName("GetCaller")
            .WithSummary("The authenticated caller: name, how it authenticated, and its role (viewer or operator).")
            .WithQuery(Accepted)
            .Produces<ItemResponse<CallerResource>>()
            .ProducesValidationProblem()
            .RequireAuthorization(GatewayPolicies.Viewer)
            .RequireRateLimiting(GatewayRateLimits.PerCaller)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return app;
    }
}
