namespace TeamsAmdl.Filing;

/// <summary>
/// The QuickXorHash that OneDrive and SharePoint report as <c>file.hashes.quickXorHash</c>: a 160-bit vector into
/// which every byte is XORed at a position advancing by 11 bits per byte (wrapping), then the content length is
/// XORed into the last 64 bits (little-endian); Base64 of the 20 bytes. The worker compares it with the file in
/// the library to recognise an upload that already happened.
/// </summary>
public sealed class QuickXorHash
{
    private const int WidthInBits = 160;
    private const int Shift = 11;
    private const int Bytes = WidthInBits / 8;

    private readonly byte[] _state = new byte[Bytes];
    private long _length;
    private int _bitPosition;

    public static string Compute(ReadOnlySpan<byte> data)
    {
        var h = new QuickXorHash();
        h.Append(data);
        return h.GetBase64();
    }

    public void Append(ReadOnlySpan<byte> data)
    {
        var state = _state;
        var position = _bitPosition;
        foreach (var b in data)
        {
            var index = position >> 3;
            var offset = position & 7;
            state[index] ^= (byte)(b << offset);
            if (offset != 0)
                state[index == Bytes - 1 ? 0 : index + 1] ^= (byte)(b >> (8 - offset));
            position += Shift;
            if (position >= WidthInBits) position -= WidthInBits;
        }
        _bitPosition = position;
        _length += data.Length;
    }

    public byte[] GetHash()
    {
        var result = (byte[])_state.Clone();
        var length = BitConverter.GetBytes(_length);
        if (!BitConverter.IsLittleEndian) Array.Reverse(length);
        for (var i = 0; i < 8; i++)
            result[Bytes - 8 + i] ^= length[i];
        return result;
    }

    public string GetBase64() => Convert.ToBase64String(GetHash());
}
