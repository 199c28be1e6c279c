using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace PartnershipTracker.Core.Features.Search;

/// <summary>
/// Snippets travel from the index as plain text in which the matched words sit between two private-use characters
/// (U+E000 and U+E001). Only <see cref="ToHtml"/> turns them into <c>&lt;mark&gt;</c>, after HTML-escaping everything
/// else, so a source's text is never rendered as markup: a document that itself contains those characters can at
/// worst gain a highlight, never a tag of its own.
/// </summary>
public static class SearchSnippet
{
    // Escapes < > & " ' and leaves letters of every script as they are.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Opens a matched word: U+E000.</summary>
    public const char Open = '\uE000';

    /// <summary>Closes a matched word: U+E001.</summary>
    public const char Close = '\uE001';

    /// <summary>
    /// The snippet as HTML: every character escaped (<c>&lt;script&gt;</c> stays text), each delimited word in
    /// <c>&lt;mark&gt;</c>. Unbalanced delimiters are dropped, so the marks always nest properly.
    /// </summary>
    public static string ToHtml(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var html = new StringBuilder(snippet.Length + 32);
        var open = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            if (i < snippet.Length && snippet[i] != Open && snippet[i] != Close)
            {
                continue;
            }

            html.Append(Encoder.Encode(snippet[start..i]));
            start = i + 1;
            if (i == snippet.Length)
            {
                break;
            }

            if (snippet[i] == Open && !open)
            {
                html.Append("<mark>");
                open = true;
            }
            else if (snippet[i] == Close && open)
            {
                html.Append("</mark>");
                open = false;
            }
        }

        if (open)
        {
            html.Append("</mark>");
        }

        return html.ToString();
    }

    /// <summary>The snippet as plain text, delimiters removed (for JSON and other plain-text uses).</summary>
    public static string ToText(string snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        return snippet.Replace(Open.ToString(), "", StringComparison.Ordinal).Replace(Close.ToString(), "", StringComparison.Ordinal);
    }
}
