using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Fabrik.Cli.Gateway;

/// <summary>
/// The Gateway's public API and hub, with the caller's API key. The key goes only into the <c>X-Api-Key</c> header;
/// no message this class makes contains it.
/// </summary>
public sealed class GatewayClient : IDisposable
{
    public const string ApiKeyHeader = "X-Api-Key";
    public const string HubPath = "/hubs/executions";
    private const string ProblemMediaType = "application/problem+json";

    private readonly HttpClient http;
    private readonly string? apiKey;

    public GatewayClient(Uri baseUrl, string? apiKey)
    {
        BaseUrl = baseUrl;
        this.apiKey = apiKey;
        // Actions wait for the Launcher's answer, which the Gateway bounds (150 s by default).
        http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (apiKey is not null)
        {
            http.DefaultRequestHeaders.Add(ApiKeyHeader, apiKey);
        }
    }

    public Uri BaseUrl { get; }

    /// <summary>The whole JSON answer of a GET.</summary>
    public async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>The whole JSON answer of a POST with <paramref name="body"/>.</summary>
    public async Task<JsonElement> PostAsync(string path, object body, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, path, body, HttpCompletionOption.ResponseContentRead, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>Hands a GET's answer to <paramref name="consume"/> as a stream, so an answer of any size is never held whole.</summary>
    public async Task StreamAsync(string path, Func<Stream, Task> consume, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await consume(body);
    }

    /// <summary>A hub connection that retries for ever once it was connected; the caller starts it.</summary>
    public HubConnection CreateHubConnection() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(BaseUrl, HubPath), options =>
            {
                if (apiKey is not null)
                {
                    options.Headers[ApiKeyHeader] = apiKey;
                }
            })
            .WithAutomaticReconnect(new EndlessRetry())
            .Build();

    public void Dispose() => http.Dispose();

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, object? body, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body, CliJson.Options), Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, completion, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            throw new CliException($"The Gateway at {BaseUrl} did not answer {method} {PathOnly(path)}: {exception.Message}");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException($"The Gateway at {BaseUrl} did not answer {method} {PathOnly(path)} within {http.Timeout.TotalSeconds:0} s.");
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw new CliException(await DescribeFailureAsync(method, path, response, cancellationToken));
        }
    }

    private static async Task<string> DescribeFailureAsync(HttpMethod method, string path, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var what = $"{method} {PathOnly(path)} answered {status}";
        if (response.StatusCode is HttpStatusCode.Unauthorized)
        {
            return $"{what}: the Gateway did not accept the credential. Give an API key with --api-key or {GatewayOptions.ApiKeyVariable}.";
        }

        if (response.StatusCode is HttpStatusCode.Forbidden)
        {
            return $"{what}: the API key's role may not do this (operators cancel, relaunch and decide approvals; viewers only read).";
        }

        if (response.Content.Headers.ContentType?.MediaType == ProblemMediaType)
        {
            var problem = await ReadJsonAsync(response, cancellationToken);
            var detail = problem.TryGetProperty("detail", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            var errors = problem.TryGetProperty("errors", out var fields) && fields.ValueKind == JsonValueKind.Object
                ? string.Join(" ", fields.EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(error => error.GetString())))
                : null;
            return $"{what}: {string.Join(" ", new[] { detail, errors }.Where(part => !string.IsNullOrWhiteSpace(part)))}";
        }

        return $"{what} {response.ReasonPhrase}.";
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (response.Content.Headers.ContentLength == 0)
        {
            return default;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new CliException($"The Gateway answered {(int)response.StatusCode} with a body that is not JSON: {exception.Message}");
        }
    }

    private static string PathOnly(string path) => path.Split('?')[0];
}
