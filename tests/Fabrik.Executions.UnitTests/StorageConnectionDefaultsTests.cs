using Fabrik.Executions.Storage;
using Npgsql;

namespace Fabrik.Executions.UnitTests;

public sealed class StorageConnectionDefaultsTests
{
    [Test]
    public void A_connection_string_without_a_pool_size_or_preparation_gets_the_service_defaults()
    {
        var defaults = WithDefaults("Host=127.0.0.1;Username=fabrik;Password=fabrik;Database=fabrik");

        Assert.That((defaults.MaxPoolSize, defaults.MaxAutoPrepare), Is.EqualTo((StorageExtensions.DefaultMaxPoolSize, StorageExtensions.DefaultMaxAutoPrepare)));
        Assert.That((defaults.Host, defaults.Username, defaults.Password, defaults.Database), Is.EqualTo(("127.0.0.1", "fabrik", "fabrik", "fabrik")));
    }

    [TestCase("Host=127.0.0.1;Maximum Pool Size=50", 50)]
    [TestCase("Host=127.0.0.1;MaxPoolSize=7", 7)]
    public void A_pool_size_the_connection_string_names_is_kept(string connectionString, int expected) =>
        Assert.That(WithDefaults(connectionString).MaxPoolSize, Is.EqualTo(expected));

    [TestCase("Host=127.0.0.1;Max Auto Prepare=0", 0)]
    [TestCase("Host=127.0.0.1;MaxAutoPrepare=8", 8)]
    public void Preparation_the_connection_string_names_is_kept(string connectionString, int expected) =>
        Assert.That(WithDefaults(connectionString).MaxAutoPrepare, Is.EqualTo(expected));

    private static NpgsqlConnectionStringBuilder WithDefaults(string connectionString) =>
        new(StorageExtensions.WithConnectionDefaults(connectionString));
}
