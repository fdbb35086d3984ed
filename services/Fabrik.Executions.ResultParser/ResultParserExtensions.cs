using Fabrik.Executions.Awx;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.ResultParser.Consumers;
using Fabrik.Executions.ResultParser.Results;
using Fabrik.Executions.Storage;
using MassTransit;

namespace Fabrik.Executions.ResultParser;

public static class ResultParserExtensions
{
    /// <summary>Queue names start with this: <c>result-parser-execution-finished</c>.</summary>
    public const string QueuePrefix = "result-parser";

    public static WebApplicationBuilder AddResultParser(this WebApplicationBuilder builder)
    {
        builder.AddFabrikStorage();
        builder.AddAwxClient();
        builder.Services.AddSingleton<AwxJobReader>();
        builder.Services.AddSingleton<HostResultsReader>();
        builder.Services.AddSingleton<WorkflowHostResults>();
        builder.AddFabrikBus(QueuePrefix, bus => bus.AddConsumer<ExecutionFinishedConsumer, ExecutionFinishedConsumerDefinition>());
        return builder;
    }
}
