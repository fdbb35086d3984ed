namespace Fabrik.Executions.Migrations;

/// <summary>A migration script failed; its transaction was rolled back and later scripts were not run.</summary>
public sealed class SchemaMigrationException(string message, Exception? innerException) : Exception(message, innerException);
