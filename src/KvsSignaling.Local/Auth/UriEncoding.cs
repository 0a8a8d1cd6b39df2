using System.Text;

namespace KvsSignaling.Local.Auth;

/// <summary>The RFC 3986 percent-encoding that SigV4 prescribes: only unreserved characters stay literal.</summary>
internal static class UriEncoding
{
    public static string Encode(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Percent-decodes a query component; '+' stays a literal plus, as SigV4 signers send spaces as %20.</summary>
    public static string DecodeQueryComponent(string value) => Uri.UnescapeDataString(value);

    private static bool IsUnreserved(char c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~';
}
