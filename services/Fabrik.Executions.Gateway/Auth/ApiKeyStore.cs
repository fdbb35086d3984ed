using System.Security.Cryptography;
using System.Text;

namespace Fabrik.Executions.Gateway.Auth;

/// <summary>
/// The configured API keys, held only as SHA-256 hashes. A presented key is hashed and compared with every stored
/// hash in fixed time, so neither the comparison nor which key matched leaks through timing.
/// </summary>
public sealed class ApiKeyStore
{
    private readonly IReadOnlyList<(byte[] Hash, string Name, string Role)> keys;

    public ApiKeyStore(AuthOptions options) =>
        keys = options.ApiKeys.Select(key => (Hash(key.Key!), key.Name!, key.Role!)).ToList();

    /// <summary>The name and role of the key, or null when no configured key is this one.</summary>
    public (string Name, string Role)? Find(string presented)
    {
        var hash = Hash(presented);
        (string Name, string Role)? found = null;
        foreach (var key in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = (key.Name, key.Role);
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
