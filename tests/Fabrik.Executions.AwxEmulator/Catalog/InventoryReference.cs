namespace Fabrik.Executions.AwxEmulator.Catalog;

internal sealed record InventoryReference(int Id, string Name);
