using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>A Gateway hosted in-process on a real loopback port, as Program.cs builds it.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const int CommandTimeoutSeconds = 5;

    private GatewayHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public static async Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string?> infrastructure)
    {
        var overrides = new Dictionary<string, string?>(infrastructure)
        {
            ["Gateway:CommandTimeoutSeconds"] = CommandTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var app = GatewayApplication.Create(["--urls", "http://127.0.0.1:0"], overrides);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GatewayHost(app, new Uri(address));
    }

    /// <summary>A browser's connection to the hub, reading the snake_case payloads as a browser would.</summary>
    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/executions"))
            .AddJsonProtocol(options => options.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
