namespace Fabrik.Executions.Migrations;

/// <summary>The scripts one run applied; empty when the schema was already up to date.</summary>
public sealed record MigrationOutcome(IReadOnlyList<string> AppliedScripts);
