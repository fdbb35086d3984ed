using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Gateway.Api.Workflows;
using Fabrik.Executions.Gateway.Output;

namespace Fabrik.Executions.Gateway.Api;

/// <summary>Lists, stats, export, one execution and its relaunch chain.</summary>
public static class ExecutionReadEndpoints
{
    public static RouteGroupBuilder MapExecutionReadEndpoints(this RouteGroupBuilder executions)
    {
        executions.MapRead<ListExecutionsHandler>("", ListExecutionsHandler.Accepted, (handler, query, token) => handler.ListAsync(query, token))
            .WithName("ListExecutions")
            .WithSummary("Executions newest first, filtered and paged.")
            .Produces<PageResponse<ExecutionResource>>();

        executions.MapGet("status/{status}", (ListExecutionsHandler handler, string status, HttpRequest request, CancellationToken cancellationToken) =>
                handler.ListByStatusAsync(status, request.Query, cancellationToken))
            .WithName("ListExecutionsByStatus")
            .WithSummary("Executions in one status (pending, waiting, running, successful, failed, error, canceled), newest first.")
            .WithQuery(ListExecutionsHandler.AcceptedByStatus)
            .Produces<PageResponse<ExecutionResource>>()
            .ProducesValidationProblem();

        executions.MapRead<ExecutionStatsHandler>("stats", ExecutionStatsHandler.Accepted, (handler, query, token) => handler.HandleAsync(query, token))
            .WithName("GetExecutionStats")
            .WithSummary("Counts by status and more over every execution the filters match (all by default).")
            .Produces<ItemResponse<ExecutionStatsResource>>();

        executions.MapRead<ExportExecutionsHandler>("export", ExportExecutionsHandler.Accepted, (handler, query, token) => Task.FromResult(handler.Handle(query, token)))
            .WithName("ExportExecutions")
            .WithSummary("Every execution the filters match, as a CSV file or a JSON array, streamed.")
            .WithDescription("format=json answers an array of executions; format=csv one row per execution with the columns "
                             + ExecutionCsv.Header.TrimEnd() + ".")
            .Produces<IReadOnlyList<ExecutionResource>>(StatusCodes.Status200OK, "application/json", "text/csv");

        executions.MapExecutionRead<GetExecutionHandler>("{id}", GetExecutionHandler.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("GetExecution")
            .WithSummary("One execution: status, progress, AWX job, results.")
            .Produces<ItemResponse<ExecutionResource>>();

        executions.MapExecutionRead<ExecutionChainHandler>("{id}/chain", ExecutionChainHandler.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("GetRelaunchChain")
            .WithSummary("The relaunch chain the execution belongs to: the original, then every relaunch in order.")
            .Produces<PageResponse<ExecutionResource>>();

        executions.MapExecutionRead<GetWorkflowHandler>("{id}/workflow", GetWorkflowHandler.Accepted, (handler, id, query, token) => handler.HandleAsync(id, query, token))
            .WithName("GetWorkflow")
            .WithSummary("A workflow execution's nodes (nested workflows' too), edges by type, states, durations, job ids and approvals.")
            .Produces<ItemResponse<WorkflowResource>>();

        return executions;
    }
}
