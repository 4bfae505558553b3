namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// Reads a streamed PCM WAV (espeak-ng's output) into one buffer that never grows past a given duration of audio, so a
/// prompt of long pauses cannot make the gateway hold hundreds of megabytes. The bound comes from the stream's own
/// header (bytes per second), not from an assumed sample rate.
/// </summary>
internal static class WavCapture
{
    public const int HeaderBytes = 44;
    private const int FirstBufferBytes = 64 * 1024;

    /// <returns>The WAV with its sizes set to what it holds, and whether the source had more than <paramref name="maxDuration"/>.</returns>
    /// <exception cref="InvalidDataException">The stream is not the canonical 44-byte-header PCM WAV.</exception>
    public static async Task<(ReadOnlyMemory<byte> Wav, bool Truncated)> ReadAsync(Stream source, TimeSpan maxDuration, CancellationToken cancellationToken)
    {
        var header = new byte[HeaderBytes];
        var filled = await source.ReadAtLeastAsync(header, HeaderBytes, throwOnEndOfStream: false, cancellationToken);
        if (filled < HeaderBytes)
            return (header.AsMemory(0, filled), false);
        var limit = Limit(header, maxDuration);
        var buffer = new byte[Math.Min(limit, FirstBufferBytes)];
        header.CopyTo(buffer, 0);

        var truncated = false;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length == limit)
                {
                    // Exactly at the limit: one more byte tells a finished recording from a longer one.
                    truncated = await source.ReadAsync(new byte[1], cancellationToken) > 0;
                    break;
                }
                // Doubling keeps short previews small; the limit (a few megabytes) bounds the last step.
                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }
            var read = await source.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
                break;
            filled += read;
        }

        // A streamed WAV carries placeholder sizes; players cut the audio short or refuse it without the real ones.
        BitConverter.TryWriteBytes(buffer.AsSpan(4, 4), filled - 8);
        BitConverter.TryWriteBytes(buffer.AsSpan(40, 4), filled - HeaderBytes);
        return (buffer.AsMemory(0, filled), truncated);
    }

    /// <summary>Header plus <paramref name="maxDuration"/> of samples, whole frames only.</summary>
    private static long Limit(byte[] header, TimeSpan maxDuration)
    {
        var span = header.AsSpan(0, HeaderBytes);
        var pcm = span[..4].SequenceEqual("RIFF"u8) && span[8..16].SequenceEqual("WAVEfmt "u8) && span[36..40].SequenceEqual("data"u8)
            && BitConverter.ToInt16(span[20..22]) == 1;
        var bytesPerSecond = BitConverter.ToInt32(span[28..32]);
        var frameBytes = BitConverter.ToInt16(span[32..34]);
        if (!pcm || bytesPerSecond <= 0 || bytesPerSecond > 1_000_000 || frameBytes <= 0)
            throw new InvalidDataException("The speech engine did not write a PCM WAV header.");
        var samples = (long)(bytesPerSecond * maxDuration.TotalSeconds);
        return HeaderBytes + samples - samples % frameBytes;
    }
}
