using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fabrik.Executions.Contracts;

/// <summary>
/// Writes enum members as AWX writes them (<c>successful</c>, <c>job_host_summaries</c>), so subscribers in any
/// language read the same words AWX uses, whatever serializer options the bus has.
/// </summary>
/// <typeparam name="TEnum">The enum to convert.</typeparam>
public sealed class SnakeCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
