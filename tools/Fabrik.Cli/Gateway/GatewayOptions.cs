using System.CommandLine;

namespace Fabrik.Cli.Gateway;

/// <summary>The options every command takes: where the Gateway is, the API key, and JSON output for scripts.</summary>
public sealed class GatewayOptions
{
    public const string UrlVariable = "FABRIK_GATEWAY_URL";
    public const string ApiKeyVariable = "FABRIK_API_KEY";

    public Option<string?> Url { get; } = new("--gateway")
    {
        Description = $"The Gateway's base URL, such as http://127.0.0.1:5080 (default: ${UrlVariable})",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = $"The API key sent as X-Api-Key (default: ${ApiKeyVariable}; prefer the variable, since options show in process lists)",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write JSON for scripts instead of text",
        Recursive = true,
    };

    public void AddTo(RootCommand root)
    {
        root.Options.Add(Url);
        root.Options.Add(ApiKey);
        root.Options.Add(Json);
    }

    /// <summary>The Gateway named by the options or the environment; a <see cref="CliException"/> saying what to set when it is missing or not a URL.</summary>
    public GatewayClient Connect(ParseResult parse, CliConsole console)
    {
        var url = parse.GetValue(Url) ?? console.Variable(UrlVariable);
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new CliException($"Which Gateway? Give its URL with --gateway or {UrlVariable}, such as http://127.0.0.1:5080.");
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttp && baseUrl.Scheme != Uri.UriSchemeHttps))
        {
            throw new CliException($"The Gateway URL '{url}' is not an absolute http or https URL, such as http://127.0.0.1:5080.");
        }

        var apiKey = parse.GetValue(ApiKey) ?? console.Variable(ApiKeyVariable);
        return new GatewayClient(baseUrl, string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim());
    }
}
