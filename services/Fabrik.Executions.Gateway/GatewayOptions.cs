using System.ComponentModel.DataAnnotations;

namespace Fabrik.Executions.Gateway;

/// <summary>The Gateway's own settings (<c>Gateway__CommandTimeoutSeconds</c>, <c>Gateway__RateLimitBurst</c>, ...).</summary>
public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>
    /// How long a request waits for the Launcher's answer before it is answered 503. Longer than the Launcher's
    /// slowest launch (4 × <c>Awx:RequestTimeoutSeconds</c> = 120 s by default), so a slow AWX is not reported as a
    /// silent Launcher while the launch still completes.
    /// </summary>
    [Range(1, 300, ErrorMessage = "Gateway:CommandTimeoutSeconds must be between 1 and 300.")]
    public int CommandTimeoutSeconds { get; set; } = 150;

    /// <summary>How many requests one caller may make at once before it is answered 429.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Gateway:RateLimitBurst must be between 1 and 1000000.")]
    public int RateLimitBurst { get; set; } = 200;

    /// <summary>How many requests per second one caller may keep making.</summary>
    [Range(1, 1_000_000, ErrorMessage = "Gateway:RateLimitPerSecond must be between 1 and 1000000.")]
    public int RateLimitPerSecond { get; set; } = 50;
}
