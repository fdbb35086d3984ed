namespace Fabrik.Executions.AwxEmulator.Api;

/// <summary>DRF-style validation errors: each field maps to its messages, answered as a 400 body.</summary>
internal sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _messages = [];

    public bool IsEmpty => _messages.Count == 0;

    public IReadOnlyDictionary<string, List<string>> Messages => _messages;

    public string Describe() =>
        string.Join("; ", _messages.Select(pair => $"{pair.Key}: {string.Join(' ', pair.Value)}"));

    public void Add(string field, string message)
    {
        if (!_messages.TryGetValue(field, out var list))
        {
            list = [];
            _messages[field] = list;
        }
        list.Add(message);
    }
}
