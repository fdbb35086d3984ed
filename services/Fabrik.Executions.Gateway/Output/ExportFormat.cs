namespace Fabrik.Executions.Gateway.Output;

/// <summary>How the executions export is written.</summary>
public enum ExportFormat
{
    Csv,
    Json,
}
