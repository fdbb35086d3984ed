namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record PlaybookCounts(int PlayCount, int TaskCount);
