using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fabrik.Executions.Testing;

namespace Fabrik.Executions.ChaosTests;

/// <summary>One virtual host's queues as RabbitMQ's management API shows them: what consumes what, raw publishing, peeking.</summary>
internal sealed class RabbitMqQueues : IDisposable
{
    private readonly HttpClient client;
    private readonly string vhost;

    private RabbitMqQueues(Uri management, string vhost)
    {
        this.vhost = Uri.EscapeDataString(vhost);
        client = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(management.UserInfo))));
    }

    public static async Task<RabbitMqQueues> OfAsync(IsolatedInfrastructure infrastructure) =>
        new((await TestServers.GetAsync()).RabbitMqManagement, infrastructure.Name);

    /// <summary>The durable queues services consume from, each with the message types routed to it.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ConsumerQueuesAsync()
    {
        var queues = await client.GetFromJsonAsync<JsonElement>($"api/queues/{vhost}");
        var consumed = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var queue in queues.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString()!;
            if (!queue.GetProperty("durable").GetBoolean() || queue.GetProperty("auto_delete").GetBoolean()
                || name.EndsWith("_error", StringComparison.Ordinal) || name.EndsWith("_skipped", StringComparison.Ordinal))
            {
                continue;
            }

            // MassTransit binds each message type's exchange to an exchange named after the queue.
            var sources = await client.GetFromJsonAsync<JsonElement>($"api/exchanges/{vhost}/{Uri.EscapeDataString(name)}/bindings/destination");
            consumed[name] = sources.EnumerateArray().Select(binding => binding.GetProperty("source").GetString()!)
                .Where(source => source.StartsWith("Fabrik.Executions.Contracts:", StringComparison.Ordinal)).ToList();
        }

        return consumed;
    }

    public async Task PublishToQueueAsync(string queue, string body, string contentType)
    {
        using var response = await client.PostAsJsonAsync($"api/exchanges/{vhost}/amq.default/publish", new JsonObject
        {
            ["routing_key"] = queue,
            ["payload"] = body,
            ["payload_encoding"] = "string",
            ["properties"] = new JsonObject { ["content_type"] = contentType, ["delivery_mode"] = 2 },
        });
        var answer = await response.Content.ReadAsStringAsync();
        Assert.That(response.IsSuccessStatusCode && answer.Contains("\"routed\":true", StringComparison.Ordinal), Is.True, $"publishing to {queue}: {answer}");
    }

    /// <summary>The messages in a queue with their headers, left in the queue.</summary>
    public async Task<IReadOnlyList<JsonElement>> PeekAsync(string queue, int count)
    {
        using var response = await client.PostAsJsonAsync($"api/queues/{vhost}/{Uri.EscapeDataString(queue)}/get", new JsonObject
        {
            ["count"] = count, ["ackmode"] = "ack_requeue_true", ["encoding"] = "auto",
        });
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }

        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(message => message.Clone()).ToList();
    }

    public void Dispose() => client.Dispose();
}
