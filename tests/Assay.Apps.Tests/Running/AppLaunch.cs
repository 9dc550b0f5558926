namespace Assay.Apps.Tests.Running;

/// <summary>
/// How a sample app is started: its built binary (<c>artifacts/apps/NAME/NAME</c>), or, for a twin in another
/// runtime, that runtime with the app's entry file (<c>node apps/NAME/server.js</c>).
/// </summary>
public sealed record AppLaunch(string Name, string Executable, IReadOnlyList<string> Args)
{
    public static AppLaunch Built(string name) => new(name, RepoPaths.AppBinary(name), []);

    public static AppLaunch Node(string name) => new(name, "node", [RepoPaths.NodeApp(name)]);

    /// <summary>By name, for test data: the Node.js twins are named <c>…-node</c>.</summary>
    public static AppLaunch Of(string name) => name.EndsWith("-node", StringComparison.Ordinal) ? Node(name) : Built(name);
}
