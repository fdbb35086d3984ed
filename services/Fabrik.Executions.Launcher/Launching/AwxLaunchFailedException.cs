namespace Fabrik.Executions.Launcher.Launching;

/// <summary>AWX refused the launch or did not answer it; the message is the explanation stored on the execution.</summary>
public sealed class AwxLaunchFailedException(string explanation, Exception? innerException = null) : Exception(explanation, innerException);
