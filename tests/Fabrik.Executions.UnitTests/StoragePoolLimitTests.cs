using Fabrik.Executions.Storage;
using Npgsql;

namespace Fabrik.Executions.UnitTests;

public sealed class StoragePoolLimitTests
{
    [Test]
    public void A_connection_string_without_a_pool_size_gets_the_service_default() =>
        Assert.That(PoolSizeOf("Host=127.0.0.1;Username=fabrik;Database=fabrik"), Is.EqualTo(StorageExtensions.DefaultMaxPoolSize));

    [TestCase("Host=127.0.0.1;Maximum Pool Size=50", 50)]
    [TestCase("Host=127.0.0.1;MaxPoolSize=7", 7)]
    public void A_pool_size_the_connection_string_names_is_kept(string connectionString, int expected) =>
        Assert.That(PoolSizeOf(connectionString), Is.EqualTo(expected));

    private static int PoolSizeOf(string connectionString) =>
        new NpgsqlConnectionStringBuilder(StorageExtensions.WithPoolLimit(connectionString)).MaxPoolSize;
}
