namespace Fabrik.Executions.Benchmarks;

/// <summary>Every figure the runs measured, one sample per run, and the notes each section collected on the way.</summary>
public sealed class FigureBook
{
    private readonly List<Figure> figures = [];
    private readonly Dictionary<string, List<string>> notes = [];

    public IReadOnlyList<Figure> Figures => figures;

    public void Add(string section, string name, string unit, double value, Target? target = null)
    {
        var figure = figures.Find(f => f.Section == section && f.Name == name);
        if (figure is null)
        {
            figure = new Figure(section, name, unit, target);
            figures.Add(figure);
        }

        figure.Samples.Add(value);
    }

    /// <summary>A line for the section's text, once however many runs add it.</summary>
    public void Note(string section, string text)
    {
        var list = notes.TryGetValue(section, out var existing) ? existing : notes[section] = [];
        if (!list.Contains(text))
        {
            list.Add(text);
        }
    }

    public IReadOnlyList<string> NotesOf(string section) => notes.TryGetValue(section, out var list) ? list : [];
}
