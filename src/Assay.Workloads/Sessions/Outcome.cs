namespace Assay.Workloads.Sessions;

/// <summary>
/// What one operation of a session came to: success, or the kind of failure; whether the server
/// answered (only answers are latencies); and a note the driver counts inside the window (a hit, a miss).
/// </summary>
internal readonly record struct Outcome(string? Error, bool Answered, int Note)
{
    public const int NoNote = -1;

    public static Outcome Success { get; } = new(null, true, NoNote);

    public bool Succeeded => Error is null;

    public static Outcome SuccessWith(int note) => new(null, true, note);

    /// <summary>The server answered, but wrongly or with an error.</summary>
    public static Outcome Wrong(string kind, int note = NoNote) => new(kind, true, note);

    /// <summary>No answer: a timeout or a broken connection.</summary>
    public static Outcome Unanswered(string kind) => new(kind, false, NoNote);
}

/// <summary>The error kinds every session driver shares; drivers add their own (<c>sqlstate 40001</c>…).</summary>
internal static class ErrorKinds
{
    /// <summary>An answer that is not what the operation must return: a fast wrong answer is not throughput.</summary>
    public const string Verification = "verification";

    public const string Timeout = "timeout";

    public const string Connection = "connection";
}
