namespace Assay.Workloads.Http;

/// <summary>How the HTTP driver does its I/O.</summary>
public enum HttpEngine
{
    /// <summary>epoll threads on Linux x86-64, Socket-based loops elsewhere.</summary>
    Auto,
    /// <summary>Socket-based async loops (one per connection) everywhere: the portable path, kept for comparison.</summary>
    Sockets,
}
