using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.Gateway.Tests;

internal static class HttpJson
{
    /// <summary>GETs <paramref name="path"/>, checks it answered 200, and returns the JSON it answered.</summary>
    public static async Task<JsonElement> GetOkAsync(this HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"GET {path}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static IReadOnlyList<JsonElement> Data(this JsonElement page) => page.GetProperty("data").EnumerateArray().ToList();

    public static IReadOnlyList<Guid> Ids(this JsonElement page) => page.Data().Select(item => item.GetProperty("id").GetGuid()).ToList();
}
