namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Who a test calls the Gateway as, and how it proves it (or fails to).</summary>
public enum TestCaller
{
    NoCredentials,
    UnknownApiKey,
    ViewerKey,
    OperatorKey,
    ViewerToken,
    OperatorToken,

    /// <summary>An operator token with its role in a <c>role</c> claim rather than <c>roles</c>.</summary>
    OperatorTokenWithRoleClaim,

    /// <summary>A valid token that grants no role.</summary>
    TokenWithoutRole,
    TokenForAnotherAudience,
    ExpiredToken,
}
