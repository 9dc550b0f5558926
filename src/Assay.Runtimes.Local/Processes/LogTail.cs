using System.Text;

namespace Assay.Runtimes.Local.Processes;

/// <summary>The last lines of a component's logs, for error messages.</summary>
public static class LogTail
{
    /// <summary>The last <paramref name="lines"/> lines of each existing file, each block headed by the file name.</summary>
    public static string Read(IEnumerable<string?> files, int lines = 20)
    {
        ArgumentNullException.ThrowIfNull(files);
        var sb = new StringBuilder();
        foreach (var file in files)
        {
            if (file is null || !File.Exists(file)) continue;
            var tail = Tail(file, lines);
            if (tail.Count == 0) continue;
            sb.Append("--- ").Append(Path.GetFileName(file)).Append(" (last ").Append(tail.Count).AppendLine(" lines) ---");
            foreach (var line in tail) sb.AppendLine(line);
        }
        return sb.ToString().TrimEnd();
    }

    private static List<string> Tail(string file, int lines)
    {
        const int MaxBytes = 16 * 1024;
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var start = Math.Max(0, stream.Length - MaxBytes);
            stream.Seek(start, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var all = reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            if (start > 0 && all.Count > 0) all.RemoveAt(0); // a partial first line
            while (all.Count > 0 && all[^1].Length == 0) all.RemoveAt(all.Count - 1);
            return all.Skip(Math.Max(0, all.Count - lines)).ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }
}
