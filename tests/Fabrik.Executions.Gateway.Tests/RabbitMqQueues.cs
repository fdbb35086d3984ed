using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Reads a virtual host's queues and their consumer counts from the RabbitMQ management API.</summary>
internal static class RabbitMqQueues
{
    public static async Task<IReadOnlyDictionary<string, int>> ConsumersAsync(string virtualHost)
    {
        var management = (await TestServers.GetAsync()).RabbitMqManagement;
        using var client = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
        var queues = await client.GetFromJsonAsync<JsonElement>(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}", UriKind.Relative));
        return queues.EnumerateArray().ToDictionary(
            queue => queue.GetProperty("name").GetString()!,
            queue => queue.TryGetProperty("consumers", out var consumers) ? consumers.GetInt32() : 0);
    }
}
