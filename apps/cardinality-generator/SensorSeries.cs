using System.Buffers;
using System.Globalization;
using System.Text;
using Assay.Apps.Shared;

namespace Assay.Apps.Cardinality;

/// <summary>
/// The series of <c>sensor_reading{deck,section,sensor_type}</c> at the current level, with values that wander a
/// little on every scrape (so a TSDB stores real samples, not one constant), written in the Prometheus text format.
/// Series i has sensor type i mod 10, deck (i / 10) mod 10 and section i / 100: every combination is distinct,
/// and the level only changes the number of sections (10, 100, 500).
/// </summary>
internal sealed class SensorSeries
{
    public const string Metric = "sensor_reading";

    private static readonly (string Name, double Baseline, double Spread)[] SensorTypes =
    [
        ("temperature", 21, 4), ("pressure", 1013, 8), ("humidity", 45, 10), ("vibration", 0.2, 0.1), ("voltage", 230, 5),
        ("current", 12, 3), ("flow", 80, 15), ("level", 60, 20), ("radiation", 0.1, 0.05), ("oxygen", 20.9, 0.3),
    ];

    private const int Decks = 10;

    private readonly Lock _gate = new();
    private readonly Random _random;
    private CardinalityLevel _level;
    private byte[][] _prefixes = [];
    private double[] _values = [];
    private long _scrapes;
    private int _lastSize = 64 * 1024;

    public SensorSeries(CardinalityLevel level, SampleRandom random)
    {
        // One draw from the app's seeded source seeds this one: the same SEED gives the same readings, and the
        // values are drawn under this class's own lock rather than one lock per value.
        _random = new Random(random.NextInclusive(0, int.MaxValue - 1));
        _level = level;
        Build(level);
    }

    public CardinalityLevel Level
    {
        get
        {
            lock (_gate) return _level;
        }
    }

    /// <summary>Switches to <paramref name="level"/>: the series beyond it disappear, new ones start at their baseline.</summary>
    public void SetLevel(CardinalityLevel level)
    {
        lock (_gate)
        {
            if (level == _level) return;
            _level = level;
            Build(level);
        }
    }

    /// <summary>One scrape: every value moves, then the whole exposition is rendered (under the lock, so a level change never tears it).</summary>
    public ReadOnlyMemory<byte> Scrape()
    {
        lock (_gate)
        {
            _scrapes++;
            var buffer = new ArrayBufferWriter<byte>(_lastSize + 4096);
            Append(buffer, $"# HELP {Metric} A sensor's latest reading; one series per deck, section and sensor type.\n# TYPE {Metric} gauge\n");
            for (var i = 0; i < _prefixes.Length; i++)
            {
                var type = SensorTypes[i % SensorTypes.Length];
                _values[i] = type.Baseline + (type.Spread * (_random.NextDouble() - 0.5));
                buffer.Write(_prefixes[i]);
                var span = buffer.GetSpan(32);
                _values[i].TryFormat(span, out var written, "0.###", CultureInfo.InvariantCulture);
                span[written++] = (byte)'\n';
                buffer.Advance(written);
            }
            Append(buffer, string.Create(CultureInfo.InvariantCulture,
                $"# HELP cardinality_series Series of {Metric} exposed now.\n# TYPE cardinality_series gauge\ncardinality_series {_prefixes.Length}\n" +
                $"# HELP cardinality_scrapes_total Scrapes of /metrics answered.\n# TYPE cardinality_scrapes_total counter\ncardinality_scrapes_total {_scrapes}\n"));
            _lastSize = buffer.WrittenCount;
            return buffer.WrittenMemory;
        }
    }

    /// <summary>The label set of series <paramref name="index"/>, as the exposition writes it.</summary>
    public static string Labels(int index) => string.Create(CultureInfo.InvariantCulture,
        $"deck=\"deck-{(index / SensorTypes.Length % Decks) + 1:D2}\",section=\"section-{(index / (SensorTypes.Length * Decks)) + 1:D3}\",sensor_type=\"{SensorTypes[index % SensorTypes.Length].Name}\"");

    private void Build(CardinalityLevel level)
    {
        _prefixes = new byte[level.Series][];
        _values = new double[level.Series];
        for (var i = 0; i < level.Series; i++)
        {
            _prefixes[i] = Encoding.UTF8.GetBytes($"{Metric}{{{Labels(i)}}} ");
            _values[i] = SensorTypes[i % SensorTypes.Length].Baseline;
        }
    }

    private static void Append(ArrayBufferWriter<byte> buffer, string text) => buffer.Write(Encoding.UTF8.GetBytes(text));
}
