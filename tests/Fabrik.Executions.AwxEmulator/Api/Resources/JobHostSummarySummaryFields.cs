namespace Fabrik.Executions.AwxEmulator.Api.Resources;

internal sealed record JobHostSummarySummaryFields(ObjectSummary Host, JobReferenceSummary Job);
