using Fabrik.Executions.AwxEmulator.Api;

namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>AWX's answers to a token it no longer accepts (401) or that lacks permission (403).</summary>
internal static class TokenRefusal
{
    public static IResult Answer(int status) => status == StatusCodes.Status401Unauthorized
        ? AwxResults.Detail(status, BearerTokenFilter.NotAuthenticated)
        : AwxResults.Detail(StatusCodes.Status403Forbidden, "You do not have permission to perform this action.");
}
