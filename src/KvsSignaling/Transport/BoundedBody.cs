namespace KvsSignaling.Transport;

/// <summary>Reads a response body into memory, refusing more than a limit so a bad peer cannot exhaust memory.</summary>
internal static class BoundedBody
{
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > limit)
        {
            throw new BodyTooLargeException(limit);
        }

        using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
        var buffer = new byte[declared is long length ? (int)length : 4096];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length >= limit + 1)
                {
                    throw new BodyTooLargeException(limit);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)limit + 1, Math.Max(4096L, buffer.Length * 2L)));
            }

            var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > limit)
            {
                throw new BodyTooLargeException(limit);
            }
        }

        if (declared is long expected && total != expected)
        {
            throw new IOException($"the response body ended after {total} of {expected} bytes");
        }

        return new ReadOnlyMemory<byte>(buffer, 0, total);
    }
}
