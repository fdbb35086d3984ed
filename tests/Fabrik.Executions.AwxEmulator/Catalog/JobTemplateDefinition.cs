using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Catalog;

internal sealed record JobTemplateDefinition(
    int Id,
    string Name,
    string Description,
    InventoryReference Inventory,
    IPlaybookEngine Engine,
    DateTimeOffset Created);
