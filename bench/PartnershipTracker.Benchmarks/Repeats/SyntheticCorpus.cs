using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PartnershipTracker.Core.Examples;
using PartnershipTracker.Ingest;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Benchmarks.Repeats;

/// <summary>One copy of a planted passage: which document, the line it starts on, and how many words were changed.</summary>
public sealed record PlantedCopy(int Document, int Line, int Edits, string Text);

/// <summary>A passage planted in several documents (<see cref="Copies"/> in different documents).</summary>
public sealed record PlantedPassage(int Id, IReadOnlyList<PlantedCopy> Copies);

/// <summary>
/// Synthetic reports for the cross-document repeat benchmark, the same for the same seed on every run.
/// Prose comes from a word-bigram model of the example article's passages as ingest keeps them (each next word follows the article's own
/// successors three times in four, else is drawn by the article's word frequencies), so the corpus shares the
/// article's vocabulary and its common phrases ("Bosnia and Herzegovina", "defense reform") the way real
/// reports on one programme do. Each document (about 3.5 KB) has a title, an opening paragraph, 3 to 5
/// sections (heading, 1 or 2 paragraphs of 2 to 5 sentences, sometimes a "Label: text" list) and blank lines
/// between blocks; paragraphs are one line each, or hard-wrapped at a width chosen per document. Shared passages
/// (paragraphs of 3 to 5 sentences, 30 to 120 words) are planted in 2 (60%), 3 (25%), 4 (10%) or 6 (5%) documents;
/// each copy is verbatim (half of them), or has 1 (30%) or 2 (20%) words replaced.
/// </summary>
public sealed partial class SyntheticCorpus
{
    private readonly Random _random;
    private readonly string[] _tokens;
    private readonly Dictionary<string, string[]> _successors;

    private readonly bool _wrap;

    private SyntheticCorpus(int seed, bool wrap)
    {
        _wrap = wrap;
        _random = new Random(seed);
        // The article's text as ingest keeps it: without the chat assistant's reply and the repeated section.
        var parsed = DocumentIngestor.Parse("article.txt", ExampleProgramme.ReadArticle(), new IngestOptions()).Document!;
        var article = string.Join('\n', Passage.In(parsed).Select(p => p.Text));
        var tokens = Word().Matches(article).Select(m => m.Value).ToList();
        // A word the article also writes in lower case was capitalised only to start a sentence.
        var lower = tokens.Where(w => !char.IsUpper(w[0])).ToHashSet(StringComparer.Ordinal);
        _tokens = tokens.Select(w => lower.Contains(w.ToLowerInvariant()) ? w.ToLowerInvariant() : w).ToArray();
        _successors = _tokens.Zip(_tokens.Skip(1))
            .GroupBy(pair => pair.First, pair => pair.Second, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>Document texts, in order; document i is called <c>doc-i</c>.</summary>
    public IReadOnlyList<string> Documents { get; private set; } = [];

    public IReadOnlyList<PlantedPassage> Planted { get; private set; } = [];

    /// <param name="wrap">Hard-wrap paragraphs at a width chosen per document (70 to 110 characters); otherwise
    /// each paragraph is one line, as in the example article.</param>
    /// <param name="sharedPerDocument">Shared passages to plant, per document of the corpus (0.3: 3,000 for 10,000 documents).</param>
    public static SyntheticCorpus Generate(int documents, int seed, bool wrap = false, double sharedPerDocument = 0.3)
    {
        var corpus = new SyntheticCorpus(seed, wrap);
        corpus.Build(documents, (int)(documents * sharedPerDocument));
        return corpus;
    }

    private void Build(int documentCount, int sharedCount)
    {
        // Which shared passages go into which document.
        var shared = Enumerable.Range(0, sharedCount).Select(_ => Paragraph(3, 5)).ToList();
        var plantsIn = Enumerable.Range(0, documentCount).Select(_ => new List<(int Passage, int Edits)>()).ToList();
        foreach (var (text, id) in shared.Select((t, i) => (t, i)))
        {
            var roll = _random.NextDouble();
            var copies = roll < 0.6 ? 2 : roll < 0.85 ? 3 : roll < 0.95 ? 4 : 6;
            var documents = new HashSet<int>();
            while (documents.Count < Math.Min(copies, documentCount))
            {
                documents.Add(_random.Next(documentCount));
            }

            foreach (var document in documents)
            {
                var edits = _random.NextDouble() switch { < 0.5 => 0, < 0.8 => 1, _ => 2 };
                plantsIn[document].Add((id, edits));
            }
        }

        var texts = new string[documentCount];
        var planted = shared.Select(_ => new List<PlantedCopy>()).ToList();
        for (var d = 0; d < documentCount; d++)
        {
            var width = _wrap ? _random.Next(70, 111) : int.MaxValue;
            var lines = new List<string>();
            void Add(string paragraph)
            {
                if (lines.Count > 0)
                {
                    lines.Add("");
                }

                Wrap(paragraph, width, lines);
            }

            Add(Title(3, 7));
            Add(Paragraph(2, 4));
            var sections = _random.Next(3, 6);
            var plants = new Queue<(int Passage, int Edits)>(plantsIn[d]);
            for (var s = 0; s < sections; s++)
            {
                Add(Title(2, 5));
                var paragraphs = _random.Next(1, 3);
                for (var p = 0; p < paragraphs; p++)
                {
                    Add(Paragraph(2, 5));
                    // Planted passages go after a section's paragraphs, spread over the sections.
                    if (plants.Count > 0 && (_random.Next(sections) == 0 || s == sections - 1))
                    {
                        var (passage, edits) = plants.Dequeue();
                        var copy = Edit(shared[passage], edits);
                        Add(copy);
                        planted[passage].Add(new PlantedCopy(d, lines.Count - Wrapped(copy, width) + 1, edits, copy));
                    }
                }

                if (_random.NextDouble() < 0.3)
                {
                    Add(Sentence(5, 9).TrimEnd('.') + " include:");
                    lines.Add("");
                    for (var i = _random.Next(3, 6); i > 0; i--)
                    {
                        lines.Add($"{Title(2, 3)}: {Sentence(6, 14)}");
                    }
                }
            }

            while (plants.Count > 0)
            {
                var (passage, edits) = plants.Dequeue();
                var copy = Edit(shared[passage], edits);
                Add(copy);
                planted[passage].Add(new PlantedCopy(d, lines.Count - Wrapped(copy, width) + 1, edits, copy));
            }

            texts[d] = string.Join('\n', lines) + "\n";
        }

        Documents = texts;
        Planted = planted.Select((copies, id) => new PlantedPassage(id, copies)).ToList();
    }

    private string NextWord(string? previous) =>
        previous is not null && _random.NextDouble() < 0.75 && _successors.TryGetValue(previous, out var next)
            ? next[_random.Next(next.Length)]
            : _tokens[_random.Next(_tokens.Length)];

    private string Sentence(int minWords, int maxWords)
    {
        var words = new List<string>();
        string? word = null;
        for (var n = _random.Next(minWords, maxWords + 1); n > 0; n--)
        {
            word = NextWord(word);
            words.Add(words.Count > 0 && _random.NextDouble() < 0.06 ? word + "," : word);
        }

        words[0] = Capitalise(words[0]);
        return string.Join(' ', words).TrimEnd(',') + ".";
    }

    private string Paragraph(int minSentences, int maxSentences) =>
        string.Join(' ', Enumerable.Range(0, _random.Next(minSentences, maxSentences + 1)).Select(_ => Sentence(10, 24)));

    private string Title(int minWords, int maxWords)
    {
        var words = new List<string>();
        string? word = null;
        for (var n = _random.Next(minWords, maxWords + 1); n > 0; n--)
        {
            word = NextWord(word);
            words.Add(Capitalise(word));
        }

        return string.Join(' ', words);
    }

    /// <summary>Replaces <paramref name="edits"/> words at random places with words drawn from the vocabulary.</summary>
    private string Edit(string paragraph, int edits)
    {
        var words = paragraph.Split(' ');
        for (var e = 0; e < edits; e++)
        {
            var at = _random.Next(words.Length);
            var ending = words[at].EndsWith('.') ? "." : words[at].EndsWith(',') ? "," : "";
            words[at] = _tokens[_random.Next(_tokens.Length)] + ending;
        }

        return string.Join(' ', words);
    }

    private static string Capitalise(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];

    private static void Wrap(string text, int width, List<string> lines)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : "").Append(word);
        }

        lines.Add(line.ToString());
    }

    private static int Wrapped(string text, int width)
    {
        var lines = new List<string>();
        Wrap(text, width, lines);
        return lines.Count;
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}’'\-]*")]
    private static partial Regex Word();
}
