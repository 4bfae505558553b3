using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// Local speech with espeak-ng: robotic, but offline and free, so a laptop run can play prompts. It reads SSML
/// itself (-m). Polly voice names mean nothing to it; the language picks the espeak voice.
/// </summary>
internal sealed class EspeakSpeechSynthesizer(IOptions<SpeechOptions> options, ILogger<EspeakSpeechSynthesizer> logger) : ISpeechSynthesizer
{
    // One synthesis per core at most: each is a process, and preview clicks can come in bursts.
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount);

    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var start = new ProcessStartInfo(settings.EspeakPath)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--stdout");
        start.ArgumentList.Add("-v");
        start.ArgumentList.Add(EspeakVoice(request.LanguageCode));
        if (request.IsSsml)
            start.ArgumentList.Add("-m");
        start.ArgumentList.Add("--stdin");

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        await _slots.WaitAsync(timeout.Token);
        try
        {
            using var process = StartOrExplain(start);
            await process.StandardInput.WriteAsync(request.Text.AsMemory(), timeout.Token);
            process.StandardInput.Close();

            using var audio = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(audio, timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await Task.WhenAll(copy, errors, process.WaitForExitAsync(timeout.Token));
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new SpeechUnavailableException($"espeak-ng took longer than {settings.TimeoutSeconds} s.");
            }

            if (process.ExitCode != 0 || audio.Length <= WavHeaderBytes)
            {
                logger.LogWarning("espeak-ng exited with {ExitCode}: {Errors}", process.ExitCode, await errors);
                throw new SpeechUnavailableException("espeak-ng could not synthesize this text.");
            }
            return new SpeechAudio(FixWavSizes(audio.ToArray()), "audio/wav");
        }
        finally
        {
            _slots.Release();
        }
    }

    private static Process StartOrExplain(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new SpeechUnavailableException("espeak-ng did not start.");
        }
        catch (Win32Exception exception)
        {
            throw new SpeechUnavailableException(
                $"Speech preview needs espeak-ng ('{start.FileName}' was not found). Install it with: apt-get install espeak-ng", exception);
        }
    }

    /// <summary>en-US → en-us; es-US → es-419 (espeak's Latin American Spanish); otherwise the language alone.</summary>
    internal static string EspeakVoice(string languageCode)
    {
        var lower = languageCode.ToLowerInvariant();
        return lower switch
        {
            "en-us" or "en-gb" or "pt-br" or "fr-be" or "fr-ch" or "es-419" => lower,
            "en-au" or "en-nz" or "en-in" or "en-za" or "en-ie" or "en-gb-wls" => "en-gb",
            "es-us" or "es-mx" => "es-419",
            "cmn-cn" => "cmn",
            "arb" => "ar",
            _ => lower.Split('-')[0],
        };
    }

    private const int WavHeaderBytes = 44;

    /// <summary>espeak-ng streams WAV with placeholder sizes; browsers and players want the real ones.</summary>
    private static byte[] FixWavSizes(byte[] wav)
    {
        BitConverter.TryWriteBytes(wav.AsSpan(4, 4), wav.Length - 8);
        BitConverter.TryWriteBytes(wav.AsSpan(40, 4), wav.Length - WavHeaderBytes);
        return wav;
    }
}
