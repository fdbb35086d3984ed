using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Jobs;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>Reads a request body as JSON; an empty body reads as <c>{}</c>, as DRF treats a POST without data.</summary>
internal static class JsonBody
{
    public static async Task<(JsonElement Body, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return (EmptyJsonObject.Value, null);
        }
        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return (document.RootElement.Clone(), null);
        }
        catch (JsonException exception)
        {
            return (default, $"JSON parse error - {exception.Message}");
        }
    }
}
