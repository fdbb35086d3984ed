using System.Text.Json;

namespace Fabrik.Executions.AwxEmulator.Launch;

/// <summary>An accepted launch: the prompts the job runs with and the fields AWX ignored.</summary>
internal sealed record LaunchRequest
{
    /// <summary>Always a JSON object.</summary>
    public required JsonElement ExtraVars { get; init; }

    public string Limit { get; init; } = "";

    public int? InventoryId { get; init; }

    public IReadOnlyList<int> CredentialIds { get; init; } = [];

    public IReadOnlyDictionary<string, JsonElement> IgnoredFields { get; init; } = new Dictionary<string, JsonElement>();
}
