using System.Security.Cryptography;
using System.Text;

namespace Fabrik.Executions.AwxEmulator.Hosting;

/// <summary>The one bearer token the emulator accepts.</summary>
internal sealed class EmulatorToken(string value)
{
    private readonly byte[] _expected = Encoding.UTF8.GetBytes(value);

    public string Value { get; } = value;

    public bool IsPresentedBy(string? authorizationHeader)
    {
        const string scheme = "Bearer ";
        if (authorizationHeader is null || !authorizationHeader.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var presented = Encoding.UTF8.GetBytes(authorizationHeader[scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(presented, _expected);
    }

    public static EmulatorToken Resolve(AwxEmulatorOptions options, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(options.Token))
        {
            return new EmulatorToken(options.Token.Trim());
        }
        if (!string.IsNullOrWhiteSpace(options.TokenFile))
        {
            return FromFile(options.TokenFile, logger);
        }
        logger.LogWarning("No Emulator:Token or Emulator:TokenFile configured; generated a random token");
        return new EmulatorToken(Generate());
    }

    private static EmulatorToken FromFile(string path, ILogger logger)
    {
        if (File.Exists(path))
        {
            var stored = File.ReadAllText(path).Trim();
            if (stored.Length == 0)
            {
                throw new InvalidOperationException($"The token file {path} is empty.");
            }
            return new EmulatorToken(stored);
        }
        // Scripts that start the emulator read the token from the file they named, so create it for them.
        var generated = Generate();
        File.WriteAllText(path, generated);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        logger.LogInformation("Generated a random token and wrote it to {TokenFile}", path);
        return new EmulatorToken(generated);
    }

    private static string Generate() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
