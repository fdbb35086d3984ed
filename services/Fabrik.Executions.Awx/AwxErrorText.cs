using System.Net;
using System.Text.Json;
using Refit;

namespace Fabrik.Executions.Awx;

/// <summary>Turns AWX's error bodies (<c>{"detail": ...}</c> or field messages) into one sentence for an operator.</summary>
public static class AwxErrorText
{
    private const int MaxLength = 2000;

    public static string Describe(ApiException exception)
    {
        var reason = exception.StatusCode switch
        {
            HttpStatusCode.Unauthorized => "AWX rejected the token (401)",
            HttpStatusCode.Forbidden => "AWX refused: the token lacks permission (403)",
            HttpStatusCode.NotFound => "AWX does not know it (404)",
            _ => $"AWX answered {(int)exception.StatusCode}",
        };
        var detail = ReadDetail(exception.Content);
        var text = string.IsNullOrEmpty(detail) ? reason + "." : $"{reason}: {detail}";
        return text.Length <= MaxLength ? text : text[..MaxLength];
    }

    private static string? ReadDetail(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(content);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (root.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String)
            {
                return detail.GetString();
            }

            return string.Join("; ", root.EnumerateObject().Select(field => $"{field.Name}: {Flatten(field.Value)}"));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Flatten(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => string.Join(" ", value.EnumerateArray().Select(Flatten)),
        JsonValueKind.String => value.GetString() ?? "",
        _ => value.GetRawText(),
    };
}
