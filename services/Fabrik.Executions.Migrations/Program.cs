using DbUp.Engine.Output;
using Fabrik.Executions.Migrations;
using Microsoft.Extensions.Configuration;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var connectionString = configuration.GetConnectionString("Postgres");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("ConnectionStrings__Postgres is not set: give the PostgreSQL connection string in that environment variable.");
    return 2;
}

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(10));
var outcome = await SchemaMigrator.ApplyAsync(connectionString, new ConsoleUpgradeLog(), cancellation.Token);
await Console.Out.WriteLineAsync(outcome.AppliedScripts.Count == 0
    ? "Schema is up to date."
    : $"Applied {outcome.AppliedScripts.Count} script(s): {string.Join(", ", outcome.AppliedScripts)}");
return 0;
