using System.Net.Http.Headers;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Logging;

namespace Fabrik.Executions.Awx;

/// <summary>
/// Makes AWX's JSON readable when it carries bytes that are not UTF-8 (output of a task that printed binary, passed on
/// by a proxy): a JSON reader refuses the whole body, so one bad event would stop an execution's copy for good. Such
/// bytes become U+FFFD, as Python's <c>errors="replace"</c> would make them, and the rest of the body is read as sent.
/// </summary>
internal sealed partial class AwxResponseTextHandler(ILogger<AwxResponseTextHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (Utf8.IsValid(body))
        {
            return response;
        }

        LogInvalidUtf8(logger, request.RequestUri?.AbsolutePath ?? "");
        var repaired = new ByteArrayContent(Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body)));
        repaired.Headers.ContentType = new MediaTypeHeaderValue(response.Content.Headers.ContentType.MediaType) { CharSet = "utf-8" };
        response.Content.Dispose();
        response.Content = repaired;
        return response;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "AWX's answer to {Path} is not valid UTF-8; the bytes that are not were read as U+FFFD")]
    private static partial void LogInvalidUtf8(ILogger logger, string path);
}
