using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>
/// A Gateway hosted in-process on a real loopback port, as Program.cs builds it, with an operator and a viewer API
/// key. <see cref="Http"/> calls it as the operator.
/// </summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    public const int CommandTimeoutSeconds = 5;
    public const string OperatorName = "tests-operator";
    public const string OperatorKey = "tests-operator-key-0123456789abcdef";
    public const string ViewerName = "tests-viewer";
    public const string ViewerKey = "tests-viewer-key-0123456789abcdef";

    private GatewayHost(WebApplication app, Uri baseAddress)
    {
        App = app;
        BaseAddress = baseAddress;
        Http = CreateClient(OperatorKey);
    }

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>The settings every test Gateway gets: the fixture's servers, the two keys, a rate limit no test reaches.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?> infrastructure) =>
        new(infrastructure)
        {
            ["Gateway:CommandTimeoutSeconds"] = CommandTimeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Gateway:RateLimitBurst"] = "100000",
            ["Gateway:RateLimitPerSecond"] = "100000",
            ["Auth:ApiKeys:0:Name"] = OperatorName,
            ["Auth:ApiKeys:0:Key"] = OperatorKey,
            ["Auth:ApiKeys:0:Role"] = "operator",
            ["Auth:ApiKeys:1:Name"] = ViewerName,
            ["Auth:ApiKeys:1:Key"] = ViewerKey,
            ["Auth:ApiKeys:1:Role"] = "viewer",
            ["Logging:LogLevel:Default"] = "Warning",
        };

    public static Task<GatewayHost> StartAsync(IReadOnlyDictionary<string, string?> infrastructure) =>
        StartWithAsync(Settings(infrastructure));

    public static async Task<GatewayHost> StartWithAsync(IReadOnlyDictionary<string, string?> settings, params string[] args)
    {
        var app = GatewayApplication.Create(["--urls", "http://127.0.0.1:0", .. args], settings);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GatewayHost(app, new Uri(address));
    }

    /// <summary>A client sending <paramref name="apiKey"/> in X-Api-Key, or no credentials when it is null.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>A client sending <paramref name="token"/> as a bearer token.</summary>
    public HttpClient CreateClientWithToken(string token)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// A browser's connection to the hub, reading the snake_case payloads as a browser would, with
    /// <paramref name="accessToken"/> (an API key or a JWT) given the way SignalR clients give it.
    /// </summary>
    public HubConnection CreateHubConnection(string? accessToken = OperatorKey) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseAddress, "hubs/executions"), options =>
            {
                if (accessToken is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                }
            })
            .AddJsonProtocol(options => options.PayloadSerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower)
            .Build();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
