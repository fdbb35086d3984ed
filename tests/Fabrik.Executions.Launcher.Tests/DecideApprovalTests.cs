using Fabrik.Executions.Contracts;
using Fabrik.Executions.Storage;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>
/// Decisions whose text PostgreSQL cannot store, or that no one should read back, are refused as invalid before the
/// decision is claimed: the approval stays pending and AWX is not asked.
/// </summary>
public sealed class DecideApprovalTests
{
    private const string CommentDetail = "comment must not hold control characters other than tab, CR and LF";
    private const string DecidedByDetail = "decided_by must not hold control characters";

    private LauncherUnderTest system = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => system = await SharedLauncher.GetAsync();

    [TestCase("ship it\0", "olivia", CommentDetail)]
    [TestCase("red\u001b", "olivia", CommentDetail, TestName = "Decision_whose_comment_holds_an_escape_is_invalid_and_the_approval_stays_pending")]
    [TestCase("ship it", "oli\0via", DecidedByDetail)]
    [TestCase("ship it", "olivia\u0007", DecidedByDetail)]
    public async Task Decision_holding_a_control_character_is_invalid_and_the_approval_stays_pending(string comment, string decidedBy, string detail)
    {
        var (executionId, approvalId) = await SeedPendingApprovalAsync();

        var rejected = (await system.AskAsync(new DecideApproval
        {
            ExecutionId = executionId,
            ApprovalId = approvalId,
            Approve = true,
            Comment = comment,
            DecidedBy = decidedBy,
        })).Rejected();

        Assert.That(rejected.Reason, Is.EqualTo(RejectionReason.Invalid));
        Assert.That(rejected.Detail, Does.Contain(detail));
        var approval = await system.Service<WorkflowRepository>().FindApprovalAsync(executionId, approvalId, CancellationToken.None);
        Assert.That((approval!.Status, approval.DecidedBy, approval.DecisionComment), Is.EqualTo(("pending", (string?)null, (string?)null)));
    }

    private async Task<(Guid ExecutionId, long ApprovalId)> SeedPendingApprovalAsync()
    {
        var (execution, _) = await system.Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "approval-" + Guid.NewGuid(),
            Template = new TemplateReference { Kind = TemplateKind.Workflow, Id = 12, Name = "Approval" },
            ExtraVarsJson = "{}",
            CredentialIds = [],
            LaunchedBy = "alice",
        }, CancellationToken.None);
        var approvalId = Random.Shared.NextInt64(1_000_000, 2_000_000);
        await system.Service<WorkflowRepository>().UpsertApprovalAsync(
            new WorkflowApprovalRecord { ExecutionId = execution.Id, ApprovalId = approvalId, Name = "Gate" }, CancellationToken.None);
        return (execution.Id, approvalId);
    }
}
