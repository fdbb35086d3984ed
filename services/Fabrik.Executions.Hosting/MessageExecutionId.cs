using System.Reflection;

namespace Fabrik.Executions.Hosting;

/// <summary>Reads the <c>ExecutionId</c> every contract carries; null for a message type without one.</summary>
public static class MessageExecutionId<T>
{
    private static readonly PropertyInfo? Property = typeof(T).GetProperty("ExecutionId") is { PropertyType: var type } property && type == typeof(Guid)
        ? property
        : null;

    public static Guid? Of(T message) => Property?.GetValue(message) as Guid?;
}
