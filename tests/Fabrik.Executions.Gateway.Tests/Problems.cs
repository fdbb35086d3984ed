using System.Net;
using System.Text.Json;

namespace Fabrik.Executions.Gateway.Tests;

/// <summary>Reads a problem+json answer and checks it is one.</summary>
internal static class Problems
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(expected), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)expected), body);
        Assert.That(problem.GetProperty("detail").GetString(), Is.Not.Empty, body);
        return problem;
    }

    /// <summary>Checks a 400 names <paramref name="field"/> both in its errors and in its detail.</summary>
    public static async Task<JsonElement> ReadInvalidAsync(HttpResponseMessage response, string field)
    {
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("errors").TryGetProperty(field, out _), Is.True, problem.GetRawText());
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(field), problem.GetRawText());
        return problem;
    }
}
