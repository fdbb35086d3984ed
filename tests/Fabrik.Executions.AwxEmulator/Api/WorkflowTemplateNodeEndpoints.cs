using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Api.Resources;
using Fabrik.Executions.AwxEmulator.Workflows;

namespace Fabrik.Executions.AwxEmulator.Api;

internal static class WorkflowTemplateNodeEndpoints
{
    private const string Nodes = "/workflow_job_template_nodes/{id:int}";

    public static RouteGroupBuilder MapWorkflowTemplateNodeEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet($"{Nodes}/", Detail);
        api.MapPatch($"{Nodes}/", UpdateAsync);
        api.MapDelete($"{Nodes}/", Delete);
        foreach (var kind in WorkflowEdgeKinds.All)
        {
            api.MapGet($"{Nodes}/{kind.FieldName()}/", (int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources) =>
                Children(id, kind, request, store, resources));
            api.MapPost($"{Nodes}/{kind.FieldName()}/", (int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, CancellationToken cancellationToken) =>
                RelateAsync(id, kind, request, store, resources, cancellationToken));
        }
        api.MapGet($"{Nodes}/credentials/", Credentials);
        api.MapPost($"{Nodes}/credentials/", RelateCredentialAsync);
        api.MapPost($"{Nodes}/create_approval_template/", CreateApprovalTemplateAsync);
        api.MapGet("/workflow_approval_templates/{id:int}/", (int id, WorkflowTemplateStore store) =>
            store.FindApprovalTemplate(id) is { } template ? TypedResults.Ok(new ApprovalTemplateResource(template)) : AwxResults.NotFound());
        return api;
    }

    private static IResult Detail(int id, WorkflowTemplateStore store, WorkflowResources resources) =>
        store.FindNode(id) is { } node && resources.Node(node) is { } resource ? TypedResults.Ok(resource) : AwxResults.NotFound();

    private static async Task<IResult> UpdateAsync(
        int id, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, CancellationToken cancellationToken)
    {
        if (store.FindNode(id) is not { } node)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (WorkflowNodeRequestParser.Parse(body, node.Settings, store, errors) is not { } settings)
        {
            return AwxResults.Invalid(errors);
        }
        return store.UpdateNode(id, _ => settings) is { } updated ? TypedResults.Ok(resources.Node(updated)) : AwxResults.NotFound();
    }

    private static IResult Delete(int id, WorkflowTemplateStore store) =>
        store.DeleteNode(id) ? TypedResults.NoContent() : AwxResults.NotFound();

    private static IResult Children(int id, WorkflowEdgeKind kind, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources) =>
        store.FindNode(id) is { } node
            ? AwxPagination.PageOf(request, store.ChildrenOf(node, kind), child => resources.Node(child)!)
            : AwxResults.NotFound();

    // DRF's SubListCreateAttachDetachAPIView: {"id"} attaches or detaches (204), a body without one creates a child (201).
    private static async Task<IResult> RelateAsync(
        int id, WorkflowEdgeKind kind, HttpRequest request, WorkflowTemplateStore store, WorkflowResources resources, CancellationToken cancellationToken)
    {
        if (store.FindNode(id) is not { } parent)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        var relation = RelationRequest.Parse(body, errors);
        if (!errors.IsEmpty)
        {
            return AwxResults.Invalid(errors);
        }
        if (relation is null)
        {
            return CreateChild(parent, kind, body, store, resources);
        }
        if (store.FindNode(relation.Id) is null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, AwxResults.NotFoundDetail);
        }
        if (relation.Disassociate)
        {
            store.Unlink(id, kind, relation.Id);
            return TypedResults.NoContent();
        }
        return store.Link(id, kind, relation.Id) is { } refusal
            ? TypedResults.BadRequest(new Dictionary<string, string> { ["Error"] = refusal })
            : TypedResults.NoContent();
    }

    private static IResult CreateChild(WorkflowNodeSnapshot parent, WorkflowEdgeKind kind, JsonElement body, WorkflowTemplateStore store, WorkflowResources resources)
    {
        var errors = new FieldErrors();
        if (WorkflowNodeRequestParser.Parse(body, null, store, errors) is not { } settings)
        {
            return AwxResults.Invalid(errors);
        }
        if (store.AddNode(parent.WorkflowTemplateId, settings) is not { } child)
        {
            return AwxResults.NotFound();
        }
        store.Link(parent.Id, kind, child.Id);
        return TypedResults.Created(AwxUrls.WorkflowTemplateNode(child.Id), resources.Node(child));
    }

    private static IResult Credentials(int id, HttpRequest request, WorkflowTemplateStore store) =>
        store.FindNode(id) is { } node
            ? AwxPagination.PageOf(request, node.Settings.CredentialIds, credential => new NodeCredentialResource(credential))
            : AwxResults.NotFound();

    // AWX's LaunchConfigCredentialsBase: only a node whose template prompts for credentials takes them.
    private static async Task<IResult> RelateCredentialAsync(int id, HttpRequest request, WorkflowTemplateStore store, CancellationToken cancellationToken)
    {
        if (store.FindNode(id) is not { } node)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (RelationRequest.Parse(body, errors) is not { } relation)
        {
            if (errors.IsEmpty)
            {
                errors.Add("id", "This field is required.");
            }
            return AwxResults.Invalid(errors);
        }
        if (!relation.Disassociate)
        {
            var template = node.Settings.UnifiedJobTemplateId is { } templateId ? store.Describe(templateId) : null;
            var refusal = template switch
            {
                null => "Cannot assign credential when related template is null.",
                { Kind: not UnifiedTemplateKind.JobTemplate } => "Related template is not configured to accept credentials on launch.",
                _ => null,
            };
            if (refusal is not null)
            {
                return TypedResults.BadRequest(new Dictionary<string, string> { ["msg"] = refusal });
            }
        }
        store.SetCredential(id, relation.Id, associate: !relation.Disassociate);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> CreateApprovalTemplateAsync(int id, HttpRequest request, WorkflowTemplateStore store, CancellationToken cancellationToken)
    {
        if (store.FindNode(id) is null)
        {
            return AwxResults.NotFound();
        }
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        var errors = new FieldErrors();
        if (ApprovalTemplateRequest.Parse(body, errors) is not { } approval)
        {
            return AwxResults.Invalid(errors);
        }
        return store.CreateApprovalTemplate(id, approval.Name, approval.Description, approval.Timeout) is { } template
            ? TypedResults.Created(AwxUrls.ApprovalTemplate(template.Id), new ApprovalTemplateResource(template))
            : AwxResults.NotFound();
    }
}
