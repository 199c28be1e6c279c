using System.Net;
using System.Text;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Testing;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>HTML: the main content only, the markup's own structure kept, lines numbered in a text rendering.</summary>
public sealed class HtmlTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <title>NATO and BiH | News</title>
          <style>body { color: red; }</style>
          <script>var tracking = "Tracking script text";</script>
        </head>
        <body>
          <header><a href="/">Site logo</a></header>
          <nav><ul><li>Home</li><li>World</li></ul></nav>
          <div id="cookie-consent" class="cookieBanner">We use cookies to improve your experience.</div>
          <div class="page">
            <main>
              <h1>NATO and Bosnia and Herzegovina</h1>
              <p>The partnership <b>deepened</b> in <a href="/2023"><em>2023</em></a>   with a
                 new <span class="x">reform <i>package</i></span>.</p>
              <div class="share-buttons">Share on Facebook</div>
              <script>document.write("Injected text");</script>
              <p>The first line of the note ends in a full stop.<br>The second line of the note follows after the break.</p>
              <h2>Key issues</h2>
              <ul>
                <li>Constitutional setup: Restricts decision-making.</li>
                <li>Budget limits: Affect <strong>modernization</strong>.
                  <ol>
                    <li>Equipment</li>
                    <li>Training</li>
                  </ol>
                </li>
              </ul>
              <aside>Editor's note in the margin</aside>
              <section class="related-stories"><h3>Related stories</h3><p>Another article</p></section>
            </main>
          </div>
          <aside class="sidebar">Most read</aside>
          <footer>Copyright 2024 Example News</footer>
        </body>
        </html>
        """;

    private const string TablePage = """
        <html><body><article>
        <h2>Initiatives</h2>
        <table>
          <thead>
            <tr><th>Initiative</th><th>Focus Area</th><th>Status</th><th>Year</th></tr>
          </thead>
          <tbody>
            <tr><td rowspan="2">Defense <b>Reform</b> Program</td><td colspan="2">Structural Modernization</td><td>2021</td></tr>
            <tr><td>Training</td><td>Ongoing</td><td>2022</td></tr>
            <tr><td>Cyber Initiative</td><td>&lt;img src=x onerror=alert(1)&gt;</td><td>Launched</td><td>2023</td></tr>
          </tbody>
        </table>
        </article></body></html>
        """;

    private static ParsedDocument Parse(string html, string name = "page.html", IngestOptions? options = null)
    {
        var result = DocumentIngestor.Parse(name, Encoding.UTF8.GetBytes(html), options ?? new IngestOptions());
        Assert.Null(result.Failure);
        return result.Document!;
    }

    [Fact]
    public void Parse_Page_KeepsMainContentOnlyAndRendersItLineByLine()
    {
        var document = Parse(Page);

        Assert.Equal("html", document.Source.Format);
        Assert.Equal("NATO and Bosnia and Herzegovina", document.Source.Title);
        Assert.Equal(
            [
                "NATO and Bosnia and Herzegovina",
                "The partnership deepened in 2023 with a new reform package.",
                "The first line of the note ends in a full stop.",
                "The second line of the note follows after the break.",
                "Key issues",
                "Constitutional setup: Restricts decision-making.",
                "Budget limits: Affect modernization.",
                "Equipment",
                "Training",
            ],
            document.Lines);
    }

    [Fact]
    public void Parse_Page_FlattensInlineMarkupAndSplitsAtLineBreaks()
    {
        var paragraphs = Parse(Page).Blocks.OfType<ParagraphBlock>().Select(p => (p.Line, p.Text)).ToList();

        Assert.Equal(
            [(2, "The partnership deepened in 2023 with a new reform package."), (3, "The first line of the note ends in a full stop."), (4, "The second line of the note follows after the break.")],
            paragraphs);
    }

    [Fact]
    public void Parse_Page_GivesHeadingsAndOneListPerListElement()
    {
        var document = Parse(Page);

        Assert.Equal(
            [("heading", 1), ("paragraph", 2), ("paragraph", 3), ("paragraph", 4), ("heading", 5), ("list", 6), ("list", 8)],
            document.Outline());
        Assert.Equal([(1, "NATO and Bosnia and Herzegovina"), (5, "Key issues")], document.Blocks.OfType<HeadingBlock>().Select(h => (h.Line, h.Text)));
        var lists = document.Blocks.OfType<ListBlock>().ToList();
        Assert.Equal(
            [new ListItem("Constitutional setup", "Restricts decision-making.", 6, false),
             new ListItem("Budget limits", "Affect modernization.", 7, false)],
            lists[0].Items);
        Assert.Equal([new ListItem(null, "Equipment", 8, false), new ListItem(null, "Training", 9, false)], lists[1].Items);
    }

    [Fact]
    public void Parse_Table_TakesHeaderFromTheadAndExpandsColspanAndRowspan()
    {
        var document = Parse(TablePage);
        var table = document.SingleTable();

        Assert.Equal(["Initiative", "Focus Area", "Status", "Year"], table.Columns);
        Assert.Equal(
            [
                ["Defense Reform Program", "Structural Modernization", "Structural Modernization", "2021"],
                ["Defense Reform Program", "Training", "Ongoing", "2022"],
                ["Cyber Initiative", "<img src=x onerror=alert(1)>", "Launched", "2023"],
            ],
            table.Rows);
        Assert.Equal([3, 4, 5], table.CellLines.Select(r => r[0]!.Value));
        Assert.Equal([("heading", 1), ("table", 2)], document.Outline());
        Assert.Equal("Initiative | Focus Area | Status | Year", document.Lines[1]);
    }

    [Fact]
    public void Parse_EscapedMarkupInACell_StaysLiteralText()
    {
        var document = Parse(TablePage);

        Assert.Equal("<img src=x onerror=alert(1)>", document.SingleTable().Rows[2][1]);
        Assert.Equal("Cyber Initiative | <img src=x onerror=alert(1)> | Launched | 2023", document.Lines[4]);
    }

    [Fact]
    public void Parse_TableFlattenedIntoParagraphs_IsRecoveredByTextRecovery()
    {
        const string html = """
            <html><body><main>
            <p>Indicator</p><p>Value</p><p>Year</p>
            <p>Troops deployed</p><p>1,200</p><p>2022</p>
            <p>Exercises held</p><p>14</p><p>2023</p>
            <p>Budget share</p><p>0.9%</p><p>2024</p>
            <p>The figures come from the ministry's annual report.</p>
            </main></body></html>
            """;

        var document = Parse(html, options: Ingest.Known);
        var table = document.SingleTable();

        Assert.Equal(["Indicator", "Value", "Year"], table.Columns);
        Assert.Equal(
            [["Troops deployed", "1,200", "2022"], ["Exercises held", "14", "2023"], ["Budget share", "0.9%", "2024"]],
            table.Rows);
        Assert.Equal([("table", 1), ("paragraph", 13)], document.Outline());
    }

    [Fact]
    public void Parse_ListAfterAnIntro_TakesAnIntroOnlyParagraphAsItsStartAndKeepsAProseOne()
    {
        const string html = """
            <html><body><main>
            <p>Key areas of development include:</p>
            <ul><li>Capacity Building: Training for the armed forces.</li><li>Joint Operations: Multinational missions.</li></ul>
            <p>Resources remain short across the ministry. Key issues include:</p>
            <ul><li>Budget limits: Affect modernization.</li><li>Property registration: Delays infrastructure.</li></ul>
            </main></body></html>
            """;

        var document = Parse(html);

        Assert.Equal([("list", 1), ("paragraph", 4), ("list", 5)], document.Outline());
        var lists = document.Blocks.OfType<ListBlock>().ToList();
        Assert.Equal(["Key areas of development include:", "Key issues include:"], lists.Select(l => l.Intro));
        Assert.Equal([2, 3], lists[0].Items.Select(i => i.Line));
        Assert.Equal("Resources remain short across the ministry. Key issues include:", ((ParagraphBlock)document.Blocks[1]).Text);
    }

    [Fact]
    public void Parse_HeaderAndFooterInsideTheArticle_AreContentThePagesOwnAreNot()
    {
        const string html = """
            <html><body>
            <header><p>Landeszentrale für politische Bildung</p></header>
            <main><article>
              <header><h1>Homo Brandenburgensis</h1><p>Menschen in Brandenburg</p></header>
              <p>Sich kurz zu fassen, ist ein wesentliches Prinzip eines brandenburgischen Gesprächs.</p>
              <footer><p>Aus: Das Brandenbuch, Potsdam 2015.</p></footer>
            </article></main>
            <footer><p>Impressum und Datenschutz</p></footer>
            </body></html>
            """;

        var document = Parse(html);

        Assert.Equal(
            ["Homo Brandenburgensis", "Menschen in Brandenburg", "Sich kurz zu fassen, ist ein wesentliches Prinzip eines brandenburgischen Gesprächs.", "Aus: Das Brandenbuch, Potsdam 2015."],
            document.Lines);
        Assert.Equal("Homo Brandenburgensis", document.Source.Title);
    }

    [Fact]
    public void Parse_TextHiddenByStyleOrKeptForScreenReaders_IsLeftOut()
    {
        const string html = """
            <html><body><main>
            <h2 class="aural">Servicemenü</h2>
            <div id="topMeta" style="margin-top: -30px; display:none;">Wrong language? Change it here.</div>
            <h1><span class="aural">Thema </span>Mehr Transparenz bei Preisanpassungen</h1>
            <p>Preisanpassungsklauseln dürfen Verbraucher nicht unangemessen benachteiligen.<span class="sr-only"> (opens in a new window)</span></p>
            <div style="VISIBILITY: hidden">Honeypot field</div>
            <p class="hidden-xs">Shown on wide screens, hidden only on narrow ones.</p>
            <p class="display-nonesuch" style="color: red">Red text is text.</p>
            </main></body></html>
            """;

        var document = Parse(html);

        Assert.Equal(
            [
                "Mehr Transparenz bei Preisanpassungen",
                "Preisanpassungsklauseln dürfen Verbraucher nicht unangemessen benachteiligen.",
                "Shown on wide screens, hidden only on narrow ones.",
                "Red text is text.",
            ],
            document.Lines);
    }

    [Fact]
    public void Parse_MenusFootersAndAdsNamedByIdOrClass_AreLeftOut()
    {
        const string html = """
            <html><body>
            <ul class="navSkip"><li>Inhalt</li><li>Hauptmenü</li></ul>
            <div id="navMain"><ul><li>TOP STORIES</li><li>Media Center</li></ul></div>
            <div id="wrapperNavi"><ul><li>Konsum im Alltag</li></ul></div>
            <div class="menu fl-2"><ul><li>AGB</li></ul></div>
            <div class="site-navigation"><a>Home</a></div>
            <div id="bodyContent">
              <h1>Berlin confronts Germany's colonial past with new initiative</h1>
              <p>The German capital has launched a five-year project to mark its part in European colonialism.</p>
              <div class="squareAd adWrapper"><div class="adHeadline">Advertisement</div></div>
              <p class="navy-blue">A menu of events is published each month.</p>
            </div>
            <div id="footerSection"><ul class="footer"><li>TOP STORIES</li></ul><p id="copyright">© 2020 Deutsche Welle</p></div>
            </body></html>
            """;

        var document = Parse(html);

        Assert.Equal(
            [
                "Berlin confronts Germany's colonial past with new initiative",
                "The German capital has launched a five-year project to mark its part in European colonialism.",
                "A menu of events is published each month.",
            ],
            document.Lines);
    }

    [Fact]
    public void Parse_SoftHyphens_AreLeftOutOfTheWords()
    {
        var document = Parse("<p>Digitales &amp; Tele&shy;kommunikation</p><table><tr><th>Bereich</th></tr><tr><td>Verbraucher&shy;schutz</td></tr></table>");

        Assert.Equal(["Digitales & Telekommunikation", "Bereich", "Verbraucherschutz"], document.Lines);
        Assert.Equal([["Verbraucherschutz"]], document.SingleTable().Rows);
    }

    [Fact]
    public void Parse_TxtFileWhoseContentIsHtml_IsReadAsHtml()
    {
        var document = Parse("\uFEFF  \n<!doctype HTML><html><body><p>Hello <b>world</b>.</p><footer>Footer</footer></body></html>", "saved.txt");

        Assert.Equal("html", document.Source.Format);
        Assert.Equal(["Hello world."], document.Lines);
    }

    [Fact]
    public void Parse_HtmlExtensionWithoutDoctype_IsReadAsHtml()
    {
        var document = Parse("<p>One</p><p>Two</p>", "fragment.htm");

        Assert.Equal("html", document.Source.Format);
        Assert.Equal(["One", "Two"], document.Lines);
    }

    [Fact]
    public void Parse_ArticleWrappedInParagraphs_GivesTheSameTablesAsTheText()
    {
        var options = new IngestOptions
        {
            KnownHeaders = ["Progress Area", "Achievements", "Ongoing Challenges", "Initiative", "Focus Area", "Status", "Strategic Action", "Expected Outcome"],
        };
        var text = File.ReadAllText(ExampleFiles.Article);
        var html = "<!DOCTYPE html>\n<html><head><title>Article</title></head><body><article>\n"
            + string.Concat(text.Split('\n').Where(l => l.Trim().Length > 0).Select(l => $"<p>{WebUtility.HtmlEncode(l.TrimEnd('\r'))}</p>\n"))
            + "</article></body></html>\n";

        var fromText = DocumentIngestor.Parse("article.txt", File.ReadAllBytes(ExampleFiles.Article), options).Document!.Blocks.OfType<TableBlock>().ToList();
        var fromHtml = Parse(html, "article.html", options).Blocks.OfType<TableBlock>().ToList();

        Assert.Equal(3, fromHtml.Count);
        Assert.Equal(fromText.Select(t => t.Columns), fromHtml.Select(t => t.Columns));
        Assert.Equal(fromText.Select(t => t.Rows), fromHtml.Select(t => t.Rows));
        Assert.Equal(["Progress Area", "Achievements", "Ongoing Challenges"], fromHtml[0].Columns);
        Assert.Equal(["Initiative", "Focus Area", "Status"], fromHtml[1].Columns);
        Assert.Equal(["Focus Area", "Strategic Action", "Expected Outcome"], fromHtml[2].Columns);
    }

    [Fact]
    public void Parse_ListsNestedAThousandDeep_KeepEveryItemInOrder()
    {
        // AngleSharp stops nesting at 511 levels (deeper elements become siblings); the walk bounds its own depth as well.
        var html = "<html><body>" + string.Concat(Enumerable.Range(1, 1000).Select(i => $"<ul><li>L{i}")) + "</body></html>";

        var document = Parse(html, "deep.html");

        Assert.Equal(Enumerable.Range(1, 1000).Select(i => $"L{i}"), document.Blocks.Cast<ListBlock>().SelectMany(l => l.Items).Select(i => i.Text));
    }
}
