using System.Globalization;

namespace Assay.Runtimes.Local.Processes;

/// <summary>A system account from /etc/passwd: its uid and primary gid.</summary>
public sealed record SystemUser(string Name, int Uid, int Gid)
{
    public static SystemUser? Find(string name, string passwd = "/etc/passwd")
    {
        if (!File.Exists(passwd)) return null;
        foreach (var line in File.ReadLines(passwd))
        {
            var fields = line.Split(':');
            if (fields.Length >= 4 && fields[0] == name
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var gid))
            {
                return new SystemUser(name, uid, gid);
            }
        }
        return null;
    }
}
