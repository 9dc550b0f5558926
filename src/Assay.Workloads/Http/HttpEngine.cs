namespace Assay.Workloads.Http;

/// <summary>How the HTTP driver does its I/O.</summary>
public enum HttpEngine
{
    /// <summary>epoll threads for the closed model on Linux x86-64, Socket-based loops otherwise.</summary>
    Auto,
    /// <summary>Socket-based async loops (one per connection) everywhere: the portable path, kept for comparison.</summary>
    Sockets,
}
