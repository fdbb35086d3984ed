using Fabrik.Executions.Contracts;
using Fabrik.Executions.Gateway.Api.Queries;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Gateway.Api.Workflows;

/// <summary>
/// <c>GET /api/v1/executions/{id}/workflow</c>: the nodes of a workflow execution as the poller stored them (nested
/// workflows' nodes included, each naming its workflow job), their success, failure and always edges, and the
/// approvals of approval nodes. Before AWX reported any node the lists are empty.
/// </summary>
public sealed class GetWorkflowHandler(ExecutionRequests requests, WorkflowRepository workflows)
{
    public static readonly AcceptedQuery Accepted = AcceptedQuery.Of();

    public Task<IResult> HandleAsync(string id, IQueryCollection query, CancellationToken cancellationToken) =>
        requests.HandleAsync(id, query, Accepted, _ => true, (execution, _) => AnswerAsync(execution, cancellationToken), cancellationToken);

    private async Task<IResult> AnswerAsync(ExecutionRecord execution, CancellationToken cancellationToken)
    {
        if (execution.TemplateKind != TemplateKind.Workflow)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound,
                detail: $"Execution {execution.Id} ran job template {execution.TemplateId}, not a workflow: it has no workflow nodes.");
        }

        var nodes = await workflows.ListNodesAsync(execution.Id, cancellationToken);
        var approvals = await workflows.ListApprovalsByNodeAsync(execution.Id, cancellationToken);
        var known = nodes.Select(node => node.NodeId).ToHashSet();
        var edges = nodes.SelectMany(node =>
                Edges(node.NodeId, node.SuccessNodes, "success")
                    .Concat(Edges(node.NodeId, node.FailureNodes, "failure"))
                    .Concat(Edges(node.NodeId, node.AlwaysNodes, "always")))
            .Where(edge => known.Contains(edge.To))
            .ToList();
        return TypedResults.Ok(new ItemResponse<WorkflowResource>(new WorkflowResource
        {
            Nodes = nodes.Select(node => WorkflowNodeResource.From(node, approvals.GetValueOrDefault(node.NodeId), WorkflowNodeKinds.Of(node.JobType))).ToList(),
            Edges = edges,
        }));
    }

    private static IEnumerable<WorkflowEdgeResource> Edges(long from, long[] to, string type) =>
        to.Select(target => new WorkflowEdgeResource(from, target, type));
}
