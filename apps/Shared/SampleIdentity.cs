namespace Assay.Apps.Shared;

/// <summary>Who answers: the name from <c>APP_NAME</c> (the app's own name when unset) and the host it runs on.</summary>
internal sealed record SampleIdentity(string AppName, string Hostname)
{
    public static SampleIdentity FromEnvironment(string defaultName)
    {
        var name = Environment.GetEnvironmentVariable("APP_NAME");
        return new(string.IsNullOrWhiteSpace(name) ? defaultName : name, Environment.MachineName);
    }
}
