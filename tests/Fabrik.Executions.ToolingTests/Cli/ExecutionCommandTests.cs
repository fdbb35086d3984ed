using System.Text.Json;
using Fabrik.Cli;
using Fabrik.Executions.IntegrationTests;

namespace Fabrik.Executions.ToolingTests.Cli;

public sealed class ExecutionCommandTests
{
    private Pipeline pipeline = null!;
    private Guid failed;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        pipeline = await ToolingPipeline.GetAsync();
        failed = await Launches.SyntheticAsync(pipeline, events: 60, eventsPerSecond: 0, failedHosts: 1);
        await Launches.WaitForResultsAsync(pipeline, failed);
    }

    [Test]
    public async Task List_and_show_answer_what_the_api_answers_as_json_and_as_text()
    {
        var listJson = await CliRun.InProcessAsync(pipeline, "list", "--status", "failed", "--per-page", "100", "--json");
        var listText = await CliRun.InProcessAsync(pipeline, "list", "--status", "failed");
        var showJson = await CliRun.InProcessAsync(pipeline, "show", failed.ToString(), "--json");
        var showText = await CliRun.InProcessAsync(pipeline, "show", failed.ToString());

        Assert.That(new[] { listJson, listText, showJson, showText }.Select(run => run.ExitCode), Is.All.EqualTo(ExitCodes.Successful));
        var listed = JsonDocument.Parse(listJson.Output).RootElement;
        Assert.That(listed.GetProperty("data").EnumerateArray().Select(execution => execution.GetProperty("id").GetGuid()), Does.Contain(failed));
        Assert.That(listed.GetProperty("data").EnumerateArray().Select(execution => execution.GetProperty("status").GetString()), Is.All.EqualTo("failed"));
        Assert.That(listText.OutputLines[0], Does.StartWith("ID").And.Contain("STATUS"));
        Assert.That(listText.Output, Does.Contain(failed.ToString()).And.Contain("page 1 of 1"));
        var shown = JsonDocument.Parse(showJson.Output).RootElement;
        Assert.That(shown.GetProperty("id").GetGuid(), Is.EqualTo(failed));
        Assert.That(shown.GetProperty("final_counter").GetInt64(), Is.EqualTo(60));
        Assert.That(showText.OutputLines, Does.Contain($"status:         failed"));
    }

    [Test]
    public async Task Relaunch_of_failed_hosts_answers_the_new_execution()
    {
        var relaunch = await CliRun.InProcessAsync(pipeline, "relaunch", failed.ToString(), "--failed", "--json");

        Assert.That(relaunch.ExitCode, Is.EqualTo(ExitCodes.Successful), relaunch.ToString());
        var execution = JsonDocument.Parse(relaunch.Output).RootElement;
        Assert.That(execution.GetProperty("relaunch_of").GetGuid(), Is.EqualTo(failed));
        Assert.That(execution.GetProperty("relaunch_hosts").GetString(), Is.EqualTo("failed"));
        var stored = await Launches.GetAsync(pipeline, execution.GetProperty("id").GetGuid());
        Assert.That(stored.GetProperty("relaunch_of").GetGuid(), Is.EqualTo(failed));
    }

    [Test]
    public async Task Cancel_of_a_finished_execution_exits_4_with_the_gateways_reason()
    {
        var cancel = await CliRun.InProcessAsync(pipeline, "cancel", failed.ToString());

        Assert.That(cancel.ExitCode, Is.EqualTo(ExitCodes.Unusable), cancel.ToString());
        Assert.That(cancel.Error, Does.Contain($"POST /api/v1/executions/{failed}/cancel answered 409"), cancel.ToString());
    }

    [Test]
    public async Task Export_streams_the_filtered_executions_as_csv()
    {
        var export = await CliRun.InProcessAsync(pipeline, "export", "--status", "failed");

        Assert.That(export.ExitCode, Is.EqualTo(ExitCodes.Successful), export.ToString());
        Assert.That(export.OutputLines[0], Does.Contain("id").And.Contain("status"));
        Assert.That(export.OutputLines.Skip(1), Has.Some.Contains(failed.ToString()));
    }

    [Test]
    public async Task Approve_decides_a_waiting_approval_and_a_second_decision_reports_the_conflict()
    {
        var workflow = await Launches.ApprovalWorkflowAsync(pipeline);
        var approvalId = await Launches.WaitForPendingApprovalAsync(pipeline, workflow);

        var approve = await CliRun.InProcessAsync(pipeline, "approve", workflow.ToString(), approvalId, "--comment", "looks fine");
        await Launches.WaitForStatusAsync(pipeline, workflow, "successful");
        var deny = await CliRun.InProcessAsync(pipeline, "deny", workflow.ToString(), approvalId, "--comment", "too late");

        Assert.That(approve.ExitCode, Is.EqualTo(ExitCodes.Successful), approve.ToString());
        Assert.That(deny.ExitCode, Is.EqualTo(ExitCodes.Unusable), deny.ToString());
        Assert.That(deny.Error, Does.Contain($"POST /api/v1/executions/{workflow}/approvals/{approvalId}/deny answered 409"), deny.ToString());
    }

    [Test]
    public async Task A_refused_key_is_reported_without_being_printed()
    {
        const string wrongKey = "not-the-operator-key-0123456789";

        var show = await CliRun.InProcessAsync(pipeline, "show", failed.ToString(), "--api-key", wrongKey);

        Assert.That(show.ExitCode, Is.EqualTo(ExitCodes.Unusable), show.ToString());
        Assert.That(show.Error, Does.Contain("answered 401").And.Contain("FABRIK_API_KEY"));
        Assert.That(show.Output + show.Error, Does.Not.Contain(wrongKey).And.Not.Contain(pipeline.ServiceConfiguration["Auth:ApiKeys:0:Key"]!));
    }

    [Test]
    public async Task Without_a_gateway_url_the_cli_says_which_variable_to_set()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CliApplication.RunAsync(["list"], new CliConsole(output, error, _ => null, false, false));

        Assert.That(code, Is.EqualTo(ExitCodes.Unusable));
        Assert.That(error.ToString(), Does.Contain("--gateway or FABRIK_GATEWAY_URL"));
    }
}
