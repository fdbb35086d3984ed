namespace Fabrik.Executions.Gateway.Auth;

/// <summary>One API key for a service or script: <c>Auth:ApiKeys:{n}:Name</c>, <c>:Key</c>, <c>:Role</c>.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who uses the key; the caller's name in <c>launched_by</c> and the audit record.</summary>
    public string? Name { get; set; }

    public string? Key { get; set; }

    /// <summary><c>viewer</c> or <c>operator</c>.</summary>
    public string? Role { get; set; }
}
