using System.ComponentModel.DataAnnotations;

namespace Fabrik.Executions.Gateway;

/// <summary>The Gateway's own settings (<c>Gateway__CommandTimeoutSeconds</c>).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>How long a request waits for the Launcher's answer before it is answered 503.</summary>
    [Range(1, 300, ErrorMessage = "Gateway:CommandTimeoutSeconds must be between 1 and 300.")]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
