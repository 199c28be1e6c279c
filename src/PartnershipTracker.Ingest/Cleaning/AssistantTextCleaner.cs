using System.Text.RegularExpressions;
using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Cleaning;

/// <summary>
/// Removes what a chat assistant wrote into a pasted document ("It looks like your HTML content was
/// cut off…", "Certainly! Here is…", "Let me know if…") and code-fence lines (with straight or
/// typographic backquotes). Where assistant text starts in the middle of a line, the text before it
/// is kept and marked truncated: the assistant's reply replaced whatever followed it.
/// </summary>
internal static partial class AssistantTextCleaner
{
    public static void Clean(IReadOnlyList<TextLine> lines, List<RemovedPassage> removed, List<IngestWarning> warnings, CancellationToken cancellationToken)
    {
        foreach (var line in lines)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (line.Removed || line.IsBlank || line.Kind == LineKind.TableRow)
            {
                continue;
            }

            if (CodeFence().IsMatch(line.Text))
            {
                removed.Add(new RemovedPassage("code-fence", line.Text, line.Number, line.Number));
                line.Removed = true;
                continue;
            }

            var match = AssistantPhrase().Match(line.Text);
            if (!match.Success)
            {
                continue;
            }

            var kept = line.Text[..match.Index].TrimEnd();
            removed.Add(new RemovedPassage("assistant-text", line.Text[match.Index..].Trim(), line.Number, line.Number));
            if (kept.Length == 0)
            {
                line.Removed = true;
                continue;
            }

            line.Text = kept;
            line.Truncated = true;
            warnings.Add(new IngestWarning("truncated", $"\"{kept}\" is cut off: assistant text follows it on the same line", line.Number));
        }
    }

    /// <summary>
    /// A line that is only a fence: three backquotes or tildes, or a typographic quote standing in for
    /// the first backquotes ("“`html"), optionally followed by a language name.
    /// </summary>
    [GeneratedRegex(@"^\s*(?:`{3,}|~{3,}|[“”„‟""]`{1,2}|[‘’]{3,}|´{3,})\s*[\w+#.-]*\s*$")]
    private static partial Regex CodeFence();

    /// <summary>
    /// Openings of chat-assistant replies. Each must begin a sentence (start of line, or after
    /// sentence-ending punctuation or a space following a cut-off word) to avoid quoting a document
    /// that merely mentions such words.
    /// </summary>
    [GeneratedRegex(
        @"(?:^|(?<=[\s.!?:]))(?:It (?:looks|seems) like (?:your|the) (?:HTML |text |content |document |table )|Here(?:['’]s| is) (?:a |an |the |your )?(?:cleaned[- ]up|revised|updated|complete|improved|corrected|rewritten|reformatted|polished)|(?:Certainly|Sure|Of course|Absolutely)[!,.] |I hope this helps|Let me know if |Feel free to (?:ask|let me know)|As an AI\b|As a language model|I apologi[sz]e|I'm sorry, but |Would you like me to |I(?:'ve| have) (?:cleaned|reformatted|rewritten|revised))",
        RegexOptions.CultureInvariant)]
    private static partial Regex AssistantPhrase();
}
