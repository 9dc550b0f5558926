using Assay.Storage.Schema;

namespace Assay.Storage;

/// <summary>
/// How a store opens its file. Only tests and measurements change these: the defaults are what the lab
/// runs with.
/// </summary>
/// <param name="BusyTimeout">How long a statement waits for another process's write lock before failing.</param>
/// <param name="Pooling">Whether closed connections go back to a pool for the next operation.</param>
/// <param name="Migrations">The schema steps this code knows; tests pass shorter or longer lists.</param>
/// <param name="Time">Stamps schema upgrades.</param>
internal sealed record StoreSettings(TimeSpan BusyTimeout, bool Pooling, IReadOnlyList<Migration> Migrations, TimeProvider Time)
{
    // Several seconds: a writer holds the lock for milliseconds (transactions are short), so a wait this
    // long means something is wrong rather than busy.
    public static StoreSettings Default { get; } = new(TimeSpan.FromSeconds(10), Pooling: true, Schema.Migrations.All, TimeProvider.System);
}
