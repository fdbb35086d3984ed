using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Fabrik.Executions.AwxEmulator.Faults;

/// <summary>Rewrites job event pages on their way out as <see cref="EventDamage"/> asks.</summary>
internal sealed partial class EventDamageMiddleware(RequestDelegate next, FaultState faults)
{
    // A marker JSON can carry as text, swapped for raw non-UTF-8 bytes once the page is serialized.
    private const string InvalidUtf8Marker = "@@emulator-invalid-utf8@@";
    private static readonly byte[] MarkerBytes = Encoding.ASCII.GetBytes(InvalidUtf8Marker);
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28, 0xFF];

    public async Task InvokeAsync(HttpContext context)
    {
        var damage = faults.Current.EventDamage;
        if (!damage.DamagesAnything || !HttpMethods.IsGet(context.Request.Method) || !EventListPath().IsMatch(context.Request.Path.Value ?? ""))
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        var body = context.Response.StatusCode == StatusCodes.Status200OK ? Damage(buffer.ToArray(), damage) : buffer.ToArray();
        context.Response.ContentLength = body.Length;
        await original.WriteAsync(body, context.RequestAborted);
    }

    private static byte[] Damage(byte[] body, EventDamage damage)
    {
        var page = JsonNode.Parse(body)!.AsObject();
        foreach (var item in page["results"]!.AsArray().OfType<JsonObject>())
        {
            var counter = item["counter"]!.GetValue<int>();
            var stdout = item["stdout"]?.GetValue<string>() ?? "";
            if (damage.NulStdoutCounters.Contains(counter))
            {
                stdout = "\0" + stdout + "\0";
            }

            if (damage.OversizedStdoutCounters.Contains(counter))
            {
                stdout += new string('x', Math.Max(0, damage.OversizedStdoutBytes - stdout.Length));
            }

            if (damage.InvalidUtf8StdoutCounters.Contains(counter))
            {
                stdout += InvalidUtf8Marker;
            }

            item["stdout"] = stdout;
            if (damage.MissingEventTypeCounters.Contains(counter))
            {
                item.Remove("event");
            }
        }

        var damaged = ReplaceMarkers(JsonSerializer.SerializeToUtf8Bytes(page));
        return damage.MalformedPageRate > 0 && Random.Shared.NextDouble() < damage.MalformedPageRate ? damaged[..(damaged.Length / 2)] : damaged;
    }

    private static byte[] ReplaceMarkers(byte[] body)
    {
        var output = new List<byte>(body.Length);
        var rest = body.AsSpan();
        int at;
        while ((at = rest.IndexOf(MarkerBytes)) >= 0)
        {
            output.AddRange(rest[..at]);
            output.AddRange(InvalidUtf8);
            rest = rest[(at + MarkerBytes.Length)..];
        }

        output.AddRange(rest);
        return [.. output];
    }

    [GeneratedRegex(@"^/api/v2/jobs/\d+/job_events/$")]
    private static partial Regex EventListPath();
}
