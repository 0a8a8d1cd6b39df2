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
        return declared is long length
            ? await ReadExactlyAsync(stream, (int)length, cancellationToken).ConfigureAwait(false)
            : await ReadToEndAsync(stream, limit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>With a Content-Length the body is exactly that long; ending sooner means the connection broke.</summary>
    private static async Task<ReadOnlyMemory<byte>> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var total = 0;
        while (total < length)
        {
            var read = await stream.ReadAsync(buffer, total, length - total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException($"the response body ended after {total} of {length} bytes");
            }

            total += read;
        }

        return buffer;
    }

    private static async Task<ReadOnlyMemory<byte>> ReadToEndAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min((long)limit + 1, buffer.Length * 2L));
            }

            var read = await stream.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return new ReadOnlyMemory<byte>(buffer, 0, total);
            }

            total += read;
            if (total > limit)
            {
                throw new BodyTooLargeException(limit);
            }
        }
    }
}
