using System.Net.Http.Headers;
using System.Text;

namespace Fabrik.Executions.Testing;

/// <summary>Creates and deletes RabbitMQ virtual hosts through the management API.</summary>
internal sealed class RabbitMqVirtualHosts : IDisposable
{
    private readonly HttpClient client;
    private readonly string user;

    public RabbitMqVirtualHosts(Uri management)
    {
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        user = credentials.Split(':')[0];
        client = new HttpClient { BaseAddress = new UriBuilder(management) { UserName = "", Password = "" }.Uri };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
    }

    public async Task CreateAsync(string name, CancellationToken cancellationToken)
    {
        using var vhost = await client.PutAsync(new Uri($"api/vhosts/{name}", UriKind.Relative), Json("{}"), cancellationToken);
        vhost.EnsureSuccessStatusCode();
        using var permissions = await client.PutAsync(
            new Uri($"api/permissions/{name}/{Uri.EscapeDataString(user)}", UriKind.Relative),
            Json("""{"configure":".*","write":".*","read":".*"}"""),
            cancellationToken);
        permissions.EnsureSuccessStatusCode();
    }

    public async Task DeleteAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await client.DeleteAsync(new Uri($"api/vhosts/{name}", UriKind.Relative), cancellationToken);
    }

    public void Dispose() => client.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
