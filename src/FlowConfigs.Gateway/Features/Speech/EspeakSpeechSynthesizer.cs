using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace FlowConfigs.Gateway.Features.Speech;

/// <summary>
/// Local speech with espeak-ng: robotic, but offline and free, so a laptop run can play prompts. It always reads markup
/// (-m) that <see cref="EspeakMarkup"/> wrote, never the caller's. A voice id it lists (en-gb-scotland) picks that
/// voice; any other (a Polly name from settings written for AWS) leaves the choice to the language.
/// </summary>
internal sealed class EspeakSpeechSynthesizer : ISpeechSynthesizer
{
    /// <summary>
    /// The longest preview: past it the audio is cut and espeak-ng stopped. At 22,050 Hz 16-bit mono that is 2.6 MB.
    /// </summary>
    public static readonly TimeSpan MaxAudio = TimeSpan.FromSeconds(60);

    private readonly IOptions<SpeechOptions> _options;
    private readonly ILogger<EspeakSpeechSynthesizer> _logger;
    private readonly ExpiringValue<IReadOnlyList<SpeechVoice>> _installedVoices;

    public EspeakSpeechSynthesizer(IOptions<SpeechOptions> options, TimeProvider clock, ILogger<EspeakSpeechSynthesizer> logger)
    {
        _options = options;
        _logger = logger;
        _installedVoices = new(ReadInstalledVoicesAsync, TimeSpan.FromMinutes(options.Value.VoiceListMinutes), clock);
    }

    public async Task<SpeechVoiceList> ListVoicesAsync(CancellationToken cancellationToken) =>
        new("The local speech engine (espeak-ng)", await _installedVoices.GetAsync(cancellationToken));

    public async Task<SpeechAudio> SynthesizeAsync(SpeechRequest request, CancellationToken cancellationToken)
    {
        var settings = _options.Value;
        var voices = await _installedVoices.GetAsync(cancellationToken);
        var installed = voices.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        string? VoiceFor(string languageCode) =>
            EspeakLanguages.Voices.TryGetValue(languageCode, out var voice) && installed.Contains(voice) ? voice : null;

        var chosen = voices.FirstOrDefault(v => string.Equals(v.Id, request.VoiceId, StringComparison.OrdinalIgnoreCase) && v.Speaks(request.LanguageCode));
        var voice = chosen?.Id ?? VoiceFor(request.LanguageCode) ?? throw new SpeechRejectedException("languageCode",
            $"The local speech engine (espeak-ng) cannot speak {request.LanguageCode}. " +
            $"Languages it speaks here: {string.Join(", ", EspeakLanguages.Supported(installed))}.");
        var markup = request.Markup is { } ssml ? EspeakMarkup.FromSsml(ssml, VoiceFor) : EspeakMarkup.FromPlainText(request.Text);

        var start = Start(settings.EspeakPath, "--stdout", "-v", voice, "-m", "--stdin");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        using var process = StartOrExplain(start);
        try
        {
            // Output is read while input is written, so neither pipe can fill up and stall the other side.
            var capture = WavCapture.ReadAsync(process.StandardOutput.BaseStream, MaxAudio, timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            await WriteInputAsync(process, markup, timeout.Token);
            var (wav, truncated) = await capture;
            if (truncated)
            {
                _logger.LogInformation("Speech preview cut at {Seconds} s of audio", MaxAudio.TotalSeconds);
                return new SpeechAudio(wav, "audio/wav");
            }

            await Task.WhenAll(errors, process.WaitForExitAsync(timeout.Token));
            if (process.ExitCode != 0 || wav.Length <= WavCapture.HeaderBytes)
            {
                _logger.LogWarning("espeak-ng exited with {ExitCode}: {Errors}", process.ExitCode, await errors);
                throw new SpeechUnavailableException("espeak-ng could not synthesize this text.");
            }
            return new SpeechAudio(wav, "audio/wav");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SpeechUnavailableException($"espeak-ng took longer than {settings.TimeoutSeconds} s.");
        }
        catch (InvalidDataException exception)
        {
            throw new SpeechUnavailableException("espeak-ng wrote something other than WAV audio.", exception);
        }
        finally
        {
            // Cut audio, a timeout or a caller who hung up: the process must not run on unread.
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>The installed voices; a failed read (espeak-ng missing) is tried again by the next caller.</summary>
    private async Task<IReadOnlyList<SpeechVoice>> ReadInstalledVoicesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.Value.TimeoutSeconds));
        using var process = StartOrExplain(Start(_options.Value.EspeakPath, "--voices"));
        process.StandardInput.Close();
        try
        {
            var list = process.StandardOutput.ReadToEndAsync(timeout.Token);
            await Task.WhenAll(list, process.StandardError.ReadToEndAsync(timeout.Token), process.WaitForExitAsync(timeout.Token));
            if (process.ExitCode != 0)
                throw new SpeechUnavailableException($"'{_options.Value.EspeakPath} --voices' exited with {process.ExitCode}.");
            var voices = EspeakLanguages.ParseVoices(await list);
            _logger.LogInformation("espeak-ng: {Count} voices installed", voices.Count);
            return voices;
        }
        catch (OperationCanceledException)
        {
            throw new SpeechUnavailableException($"'{_options.Value.EspeakPath} --voices' took longer than {_options.Value.TimeoutSeconds} s.");
        }
        finally
        {
            if (!process.HasExited)
                process.Kill(entireProcessTree: true);
        }
    }

    private static async Task WriteInputAsync(Process process, string markup, CancellationToken cancellationToken)
    {
        try
        {
            await process.StandardInput.WriteAsync(markup.AsMemory(), cancellationToken);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // espeak-ng stopped reading (it crashed or is cut off); its exit code and the audio tell the rest.
        }
    }

    private static ProcessStartInfo Start(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
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
}
