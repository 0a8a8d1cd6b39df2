using System.Buffers;

namespace KvsSignaling.Serialization;

/// <summary>
/// A growable buffer the JSON writer fills directly. One per thread is reused, so writing a request body
/// allocates only the final array (a fresh Utf8JsonWriter over a stream costs several kilobytes per request).
/// </summary>
internal sealed class JsonBodyBuffer : IBufferWriter<byte>
{
    private byte[] _data = new byte[512];
    private int _count;

    public void Clear() => _count = 0;

    public void Advance(int count) => _count += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _data.AsMemory(_count);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _data.AsSpan(_count);
    }

    public byte[] ToArray() => _data.AsSpan(0, _count).ToArray();

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_data.Length - _count < needed)
        {
            Array.Resize(ref _data, Math.Max(_data.Length * 2, _count + needed));
        }
    }
}
