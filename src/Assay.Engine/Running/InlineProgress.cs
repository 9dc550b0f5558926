namespace Assay.Engine.Running;

/// <summary>
/// An IProgress that calls its handler on the reporting thread. <see cref="Progress{T}"/> posts to the
/// thread pool, which would delay the marks of the measured window by an unknown amount.
/// </summary>
internal sealed class InlineProgress<T>(Action<T> handler) : IProgress<T>
{
    public void Report(T value) => handler(value);
}
