using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Gateway.Tests;

internal static class TestCallers
{
    public const string ViewerUser = "vera";
    public const string OperatorUser = "olivia";

    public static bool IsAuthenticated(this TestCaller caller) =>
        caller is not (TestCaller.NoCredentials or TestCaller.UnknownApiKey or TestCaller.TokenForAnotherAudience or TestCaller.ExpiredToken);

    public static bool IsOperator(this TestCaller caller) =>
        caller is TestCaller.OperatorKey or TestCaller.OperatorToken or TestCaller.OperatorTokenWithRoleClaim;

    public static bool IsViewerOrOperator(this TestCaller caller) =>
        caller.IsOperator() || caller is TestCaller.ViewerKey or TestCaller.ViewerToken;

    /// <summary>The API key or token the caller presents; null for none.</summary>
    public static string? Credential(this TestCaller caller, TestTokenIssuer tokens) => caller switch
    {
        TestCaller.NoCredentials => null,
        TestCaller.UnknownApiKey => "not-a-key-the-gateway-knows-0000",
        TestCaller.ViewerKey => GatewayHost.ViewerKey,
        TestCaller.OperatorKey => GatewayHost.OperatorKey,
        TestCaller.ViewerToken => tokens.Issue(ViewerUser, ["viewer"]),
        TestCaller.OperatorToken => tokens.Issue(OperatorUser, ["operator"]),
        TestCaller.OperatorTokenWithRoleClaim => tokens.Issue(OperatorUser, ["operator"], roleClaim: "role"),
        TestCaller.TokenWithoutRole => tokens.Issue("nobody", []),
        TestCaller.TokenForAnotherAudience => tokens.Issue(OperatorUser, ["operator"], audience: "another-api"),
        TestCaller.ExpiredToken => tokens.Issue(OperatorUser, ["operator"], lifetime: TimeSpan.FromMinutes(-10)),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };

    public static bool UsesToken(this TestCaller caller) =>
        caller is not (TestCaller.NoCredentials or TestCaller.UnknownApiKey or TestCaller.ViewerKey or TestCaller.OperatorKey);

    public static HttpClient ClientFor(this GatewayHost gateway, TestCaller caller, TestTokenIssuer tokens) =>
        caller.UsesToken()
            ? gateway.CreateClientWithToken(caller.Credential(tokens)!)
            : gateway.CreateClient(caller.Credential(tokens));
}
