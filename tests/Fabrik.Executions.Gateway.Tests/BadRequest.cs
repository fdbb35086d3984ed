using System.Net;
using System.Text;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>A request the Gateway must refuse with a 4xx problem, changing nothing.</summary>
/// <param name="Name">How the case is shown.</param>
/// <param name="Method">GET or POST.</param>
/// <param name="Path">The path and query, with <c>{known}</c> for an execution that exists and <c>{unknown}</c> for one that does not.</param>
/// <param name="Expected">The status it must answer.</param>
/// <param name="Field">The field or parameter the problem must name, if any.</param>
public sealed record BadRequest(string Name, string Method, string Path, HttpStatusCode Expected, string? Field)
{
    public string? Body { get; init; }

    /// <summary>The body's media type; null sends the body without one.</summary>
    public string? ContentType { get; init; } = "application/json";

    public HttpRequestMessage ToMessage(Guid known, Guid unknown)
    {
        var path = Path.Replace("{known}", known.ToString(), StringComparison.Ordinal)
            .Replace("{unknown}", unknown.ToString(), StringComparison.Ordinal);
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(path, UriKind.Relative));
        if (Body is not null)
        {
            // The body waits for the server's go-ahead: a body refused for its size is then never sent, so the client
            // reads the 413 instead of racing the server closing the connection under its upload.
            message.Headers.ExpectContinue = true;
            message.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body));
            if (ContentType is not null)
            {
                message.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(ContentType);
            }
        }

        return message;
    }

    public override string ToString() => Name;
}
