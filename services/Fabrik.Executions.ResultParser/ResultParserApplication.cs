using Fabrik.Executions.Hosting;

namespace Fabrik.Executions.ResultParser;

/// <summary>The ResultParser, built the same way by Program.cs and by tests.</summary>
public static class ResultParserApplication
{
    public const string ServiceName = "Fabrik.Executions.ResultParser";

    public static WebApplication Create(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        FabrikApplication.Create(ServiceName, args, overrides, builder => builder.AddResultParser());
}
