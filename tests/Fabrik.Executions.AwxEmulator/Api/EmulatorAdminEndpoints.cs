using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Control;
using Fabrik.Executions.AwxEmulator.Faults;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>The emulator's own routes under /_emulator: faults, the requests received, and what a job was meant to produce.</summary>
internal static class EmulatorAdminEndpoints
{
    public static RouteGroupBuilder MapEmulatorAdminEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/faults", (EmulatorControl control) => TypedResults.Ok(control.Faults));
        admin.MapPost("/faults", SetFaultsAsync);
        admin.MapGet("/requests", (EmulatorControl control) => TypedResults.Ok(control.ApiRequests()));
        admin.MapGet("/jobs/{id:int}/expected_hosts", (int id, EmulatorControl control) =>
            ForJob(control, id, EmulatorControl.ExpectedHostOutcomesOf, "is not a synthetic job"));
        admin.MapGet("/jobs/{id:int}/emitted_events", (int id, EmulatorControl control) =>
            control.FindJob(id) is { } job ? TypedResults.Ok(EmulatorControl.EmittedEventsOf(job)) : AwxResults.NotFound());
        admin.MapGet("/jobs/{id:int}/runner_artifacts", (int id, EmulatorControl control) =>
            ForJob(control, id, EmulatorControl.RunnerArtifactsOf, "has no ansible-runner artifacts"));
        return admin;
    }

    private static async Task<IResult> SetFaultsAsync(HttpRequest request, EmulatorControl control, CancellationToken cancellationToken)
    {
        var (body, parseError) = await JsonBody.ReadAsync(request, cancellationToken);
        if (parseError is not null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, parseError);
        }
        FaultSettings? settings;
        try
        {
            settings = body.Deserialize<FaultSettings>(AwxJson.Options);
        }
        catch (JsonException exception)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, $"JSON parse error - {exception.Message}");
        }
        if (settings is null)
        {
            return AwxResults.Detail(StatusCodes.Status400BadRequest, "Expected a JSON object of fault settings.");
        }
        var errors = FaultSettingsValidator.Validate(settings);
        if (!errors.IsEmpty)
        {
            return AwxResults.Invalid(errors);
        }
        control.Faults = settings;
        return TypedResults.Ok(settings);
    }

    private static IResult ForJob<T>(EmulatorControl control, int id, Func<EmulatedJob, T?> read, string whyAbsent)
        where T : class
    {
        if (control.FindJob(id) is not { } job)
        {
            return AwxResults.NotFound();
        }
        return read(job) is { } value
            ? TypedResults.Ok(value)
            : AwxResults.Detail(StatusCodes.Status404NotFound, $"Job {id} {whyAbsent}.");
    }
}
