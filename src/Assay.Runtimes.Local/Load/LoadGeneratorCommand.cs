namespace Assay.Runtimes.Local.Load;

/// <summary>
/// How to start a load generator process: the program and the arguments before the request file,
/// e.g. <c>assay loadgen</c> or <c>dotnet /path/assay.dll loadgen</c>.
/// </summary>
public sealed record LoadGeneratorCommand(string FileName, IReadOnlyList<string> Args);
