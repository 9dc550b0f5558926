using System.Text;
using Assay.Workloads.Kv;

namespace Assay.Workloads.Tests.Kv;

public sealed class KvValuesTests
{
    [Fact]
    public void Keys_are_redis_benchmarks_keys()
    {
        var key = new byte[KvValues.KeyBytes];
        KvValues.WriteKey(key, 1234);
        Assert.Equal("key:000000001234", Encoding.ASCII.GetString(key));
    }

    [Theory]
    [InlineData(0, 0, 40)]
    [InlineData(9_999, 17, 100)]
    [InlineData(3, int.MaxValue, 4096)]
    public void A_value_names_its_key_and_version_and_reads_back(int key, int version, int size)
    {
        var value = new byte[size];
        KvValues.WriteValue(value, key, version);
        Assert.StartsWith($"key:{key:D12}#{version:D10}#", Encoding.ASCII.GetString(value), StringComparison.Ordinal);
        Assert.Equal(version, KvValues.ReadVersion(value, key, size));
    }

    [Fact]
    public void Anything_but_the_exact_value_is_rejected()
    {
        var value = new byte[100];
        KvValues.WriteValue(value, 42, 7);
        Assert.Null(KvValues.ReadVersion(value, 43, 100));            // another key's value
        Assert.Null(KvValues.ReadVersion(value, 42, 101));            // the wrong size
        Assert.Null(KvValues.ReadVersion(value.AsSpan(0, 99), 42, 100)); // truncated
        var corrupt = (byte[])value.Clone();
        corrupt[80] ^= 1;
        Assert.Null(KvValues.ReadVersion(corrupt, 42, 100));          // one bit flipped in the filler
        var forged = (byte[])value.Clone();
        "0000000008"u8.CopyTo(forged.AsSpan(17));
        Assert.Null(KvValues.ReadVersion(forged, 42, 100));           // the version changed, the filler not
        Assert.Null(KvValues.ReadVersion("hello"u8, 42, 5));
    }
}
