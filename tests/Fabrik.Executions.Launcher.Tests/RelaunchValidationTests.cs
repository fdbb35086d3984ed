using System.Collections.Concurrent;
using Fabrik.Executions.Contracts;
using Fabrik.Executions.Hosting;
using Fabrik.Executions.Launcher.Relaunching;
using Fabrik.Executions.Storage;
using Fabrik.Executions.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Launcher.Tests;

/// <summary>A Launcher whose host registered its own <see cref="IRelaunchValidator"/>, as the portal would.</summary>
public sealed class RelaunchValidationTests
{
    private readonly RefusingValidator validator = new();
    private IsolatedInfrastructure infrastructure = null!;
    private WebApplication launcher = null!;
    private BusProbe probe = null!;

    private ExecutionRepository Executions => launcher.Services.GetRequiredService<ExecutionRepository>();

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        infrastructure = await IsolatedInfrastructure.CreateAsync();
        // Validation refuses before AWX is asked anything, so no AWX answers here.
        var overrides = new Dictionary<string, string?>(infrastructure.Configuration)
        {
            ["Awx:BaseUrl"] = "http://127.0.0.1:9/",
            ["Awx:Token"] = "unused",
        };
        launcher = FabrikApplication.Create(LauncherApplication.ServiceName, ["--urls", "http://127.0.0.1:0"], overrides, builder =>
        {
            builder.Services.AddSingleton<IRelaunchValidator>(validator);
            builder.AddLauncher();
        });
        await launcher.StartAsync();
        probe = await new BusProbe(infrastructure).StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await probe.DisposeAsync();
        await launcher.StopAsync();
        await launcher.DisposeAsync();
        await infrastructure.DisposeAsync();
    }

    [Test]
    public async Task Relaunch_the_validator_refuses_is_unprocessable_with_its_reason_and_creates_nothing()
    {
        var (original, _) = await Executions.CreateAsync(new NewExecution
        {
            Id = Guid.CreateVersion7(),
            RequestId = "validated-" + Guid.NewGuid(),
            Template = new TemplateReference { Kind = TemplateKind.Job, Id = 1, Name = "Synthetic" },
            ExtraVarsJson = """{"tenant": "blue"}""",
            LimitPattern = "leaf-*",
            CredentialIds = [],
            LaunchedBy = "alice",
        }, CancellationToken.None);
        await Executions.TransitionAsync(original.Id, [ExecutionStatus.Pending], ExecutionStatus.Failed, "AWX refused the launch.", CancellationToken.None);
        var command = new RelaunchExecution { ExecutionId = Guid.CreateVersion7(), RelaunchOf = original.Id, Hosts = RelaunchHosts.All, RequestedBy = "bob" };

        var response = await probe.Bus.CreateRequestClient<RelaunchExecution>(RequestTimeout.After(s: 60))
            .GetResponse<ExecutionAccepted, CommandRejected>(command);

        Assert.That(response.Is(out Response<CommandRejected>? rejected), Is.True, "the relaunch is rejected");
        Assert.That(rejected!.Message.Reason, Is.EqualTo(RejectionReason.Unprocessable));
        Assert.That(rejected.Message.Detail, Does.Contain(RefusingValidator.Reason));
        Assert.That(await Executions.FindAsync(command.ExecutionId, CancellationToken.None), Is.Null);
        var proposal = validator.Proposals.Single();
        Assert.That((proposal.Relaunched.Id, proposal.Hosts, proposal.Limit, proposal.RequestedBy),
            Is.EqualTo((original.Id, RelaunchHosts.All, "leaf-*", "bob")), "the validator sees the request it re-checks");
    }

    private sealed class RefusingValidator : IRelaunchValidator
    {
        public const string Reason = "tenant blue no longer exists";

        public ConcurrentQueue<RelaunchProposal> Proposals { get; } = new();

        public Task<RelaunchVerdict> ValidateAsync(RelaunchProposal proposal, CancellationToken cancellationToken)
        {
            Proposals.Enqueue(proposal);
            return Task.FromResult(RelaunchVerdict.Refused(Reason));
        }
    }
}
