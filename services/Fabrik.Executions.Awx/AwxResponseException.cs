namespace Fabrik.Executions.Awx;

/// <summary>AWX answered with something this system cannot read as AWX's shape; the message says what.</summary>
public sealed class AwxResponseException(string message, Exception? innerException = null) : Exception(message, innerException);
