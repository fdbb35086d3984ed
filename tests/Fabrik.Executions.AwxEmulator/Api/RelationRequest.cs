using System.Text.Json;
using Fabrik.Executions.AwxEmulator.Launch;

namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>DRF's attach and detach body on a sub-list: <c>{"id": n}</c>, with <c>"disassociate": true</c> to detach.</summary>
internal sealed record RelationRequest(int Id, bool Disassociate)
{
    /// <summary>Null with no error when the body holds no <c>id</c> (a create, where the sub-list allows one).</summary>
    public static RelationRequest? Parse(JsonElement body, FieldErrors errors)
    {
        if (body.ValueKind != JsonValueKind.Object || LaunchRequestParser.Field(body, "id") is not { } idValue)
        {
            return null;
        }
        var id = LaunchRequestParser.PrimaryKeyOf("id", idValue, errors);
        var disassociate = body.TryGetProperty("disassociate", out var flag) && flag.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.String => flag.GetString() is "true" or "True" or "1",
            JsonValueKind.Number => flag.GetRawText() != "0",
            _ => false,
        };
        return id is null ? null : new RelationRequest(id.Value, disassociate);
    }
}
