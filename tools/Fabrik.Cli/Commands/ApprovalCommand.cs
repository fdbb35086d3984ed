using System.CommandLine;

namespace Fabrik.Cli.Commands;

/// <summary><c>fabrik approve</c> and <c>fabrik deny</c>: decide a workflow's approval node.</summary>
public static class ApprovalCommand
{
    /// <summary>The command named <paramref name="decision"/> (<c>approve</c> or <c>deny</c>), also the last segment of its route.</summary>
    public static Command Create(GatewayCommand shared, string decision)
    {
        var id = ExecutionArgument.Create();
        var approval = new Argument<long>("approval-id") { Description = "the AWX workflow approval's id" };
        var comment = new Option<string?>("--comment") { Description = "why, recorded with the decision" };
        var command = new Command(decision, $"{(decision == "approve" ? "Approve" : "Deny")} a workflow execution's pending approval") { id, approval, comment };
        shared.SetAction(command, async (parse, gateway, cancellationToken) =>
        {
            if (parse.GetValue(approval) <= 0)
            {
                throw new CliException("The approval id must be a positive integer: AWX's id of the workflow approval.");
            }

            var path = $"{GatewayCommand.PathOf(parse.GetValue(id))}/approvals/{parse.GetValue(approval)}/{decision}";
            var answer = await gateway.PostAsync(path, new { comment = parse.GetValue(comment) ?? "" }, cancellationToken);
            if (shared.Json(parse))
            {
                await shared.WriteJsonAsync(answer);
            }
            else
            {
                await shared.Console.Out.WriteLineAsync($"approval {parse.GetValue(approval)} of {parse.GetValue(id)}: {(decision == "approve" ? "approved" : "denied")}");
            }

            return ExitCodes.Successful;
        });
        return command;
    }
}
