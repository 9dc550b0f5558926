// The local runtime drives Linux: /proc, cgroups, signals, setsid and taskset.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
