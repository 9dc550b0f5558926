namespace Assay.Storage.Schema;

/// <summary>
/// Every schema version in order. Forward only: a shipped migration is never edited; a change is a new
/// entry at the end. Tables are STRICT so a wrong type fails loudly instead of being stored as text.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "runs, phases, per-second workload counts, usage samples, variant headlines", """
            CREATE TABLE runs (
                id              TEXT PRIMARY KEY,
                experiment      TEXT NOT NULL,
                title           TEXT NOT NULL,
                status          TEXT NOT NULL,
                started_at      TEXT NOT NULL,
                ended_at        TEXT,
                message         TEXT,
                directory       TEXT NOT NULL,
                experiment_file TEXT NOT NULL,
                experiment_text TEXT NOT NULL,
                parameters      TEXT NOT NULL CHECK (json_valid(parameters)),
                result          TEXT CHECK (result IS NULL OR json_valid(result))
            ) STRICT;
            CREATE INDEX runs_by_started ON runs (started_at);
            CREATE INDEX runs_by_experiment ON runs (experiment, started_at);
            CREATE INDEX runs_by_status ON runs (status, started_at);

            CREATE TABLE phases (
                run_id  TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                seq     INTEGER NOT NULL,
                trial   INTEGER,
                variant TEXT,
                phase   TEXT NOT NULL,
                at      TEXT NOT NULL,
                PRIMARY KEY (run_id, seq)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE workload_seconds (
                run_id    TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                trial     INTEGER NOT NULL,
                variant   TEXT NOT NULL,
                second    INTEGER NOT NULL,
                succeeded INTEGER NOT NULL,
                failed    INTEGER NOT NULL,
                PRIMARY KEY (run_id, trial, variant, second)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE usage_samples (
                run_id         TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                trial          INTEGER NOT NULL,
                variant        TEXT NOT NULL,
                component      TEXT NOT NULL,
                replica        INTEGER NOT NULL,
                seq            INTEGER NOT NULL,
                offset_seconds REAL NOT NULL,
                cpu_seconds    REAL NOT NULL,
                memory_bytes   INTEGER NOT NULL,
                PRIMARY KEY (run_id, trial, variant, component, replica, seq)
            ) STRICT, WITHOUT ROWID;

            CREATE TABLE run_variants (
                run_id     TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
                position   INTEGER NOT NULL,
                variant    TEXT NOT NULL,
                status     TEXT NOT NULL,
                throughput REAL,
                p99_ms     REAL,
                requests   INTEGER NOT NULL,
                errors     INTEGER NOT NULL,
                PRIMARY KEY (run_id, variant)
            ) STRICT, WITHOUT ROWID;
            """),
    ];

    public static int Latest => All[^1].Version;
}
