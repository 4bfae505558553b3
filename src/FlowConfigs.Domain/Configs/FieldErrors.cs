namespace FlowConfigs.Domain.Configs;

/// <summary>
/// Rule violations keyed by the path of the offending field, e.g. <c>variables.maxWaitTime</c> or
/// <c>prompts.greeting.es-US.voice</c>; the gateway turns them into a validation problem.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    /// <summary>How many messages have been added; a reader compares counts to tell whether one part added any.</summary>
    public int Count => _errors.Values.Sum(messages => messages.Count);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var messages))
            _errors[field] = messages = [];
        messages.Add(message);
    }

    public IDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", _errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"));
}

/// <summary>The outcome of reading a client document: a value, or the fields that broke a rule.</summary>
public sealed record ReadResult<T>(T? Value, FieldErrors Errors) where T : class
{
    public bool IsValid => Value is not null && Errors.IsEmpty;
    public static ReadResult<T> Ok(T value) => new(value, new FieldErrors());
    public static ReadResult<T> Fail(FieldErrors errors) => new(null, errors);
}
