using System.Text.Json;

namespace Fabrik.Cli;

/// <summary>The Gateway's JSON naming (snake_case) for what the CLI sends and reads, and indented output for <c>--json</c>.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static readonly JsonSerializerOptions Indented = new(Options) { WriteIndented = true };

    public static readonly JsonSerializerOptions Line = new(Options) { WriteIndented = false };
}
