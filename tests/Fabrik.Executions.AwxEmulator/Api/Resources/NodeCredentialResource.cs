namespace Fabrik.Executions.AwxEmulator.Api.Resources;

/// <summary>A credential as a node's <c>credentials/</c> list shows it; the emulator knows credentials by id only.</summary>
internal sealed class NodeCredentialResource(int id)
{
    public int Id { get; } = id;

    public string Type => "credential";

    public string Url { get; } = AwxUrls.Path("credentials", id);

    public string Name { get; } = CatalogSummaries.Credential(id).Name;

    public string Description => "";

    public int Organization => CatalogSummaries.OrganizationId;

    public int CredentialType => 1;

    public bool Managed => false;

    public IReadOnlyDictionary<string, string> Inputs { get; } = new Dictionary<string, string>();

    public string Kind => "ssh";

    public bool Cloud => false;

    public bool Kubernetes => false;
}
