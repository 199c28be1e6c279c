using PartnershipTracker.Ingest.Model;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Assistant text and code fences are removed with their reason and line; the text around them stays.</summary>
public sealed class CleaningTests
{
    [Theory]
    [InlineData("Certainly! Here is the revised article you asked for.")]
    [InlineData("Let me know if you would like a shorter version.")]
    [InlineData("As an AI language model, I cannot verify these figures.")]
    [InlineData("I apologize for the confusion in my previous answer.")]
    [InlineData("It looks like your HTML content was cut off at the end.")]
    [InlineData("Here’s a cleaned-up version of your content with improved formatting:")]
    public void Parse_AssistantLineAtStart_RemovedAsAssistantText(string assistant)
    {
        var document = Ingest.Parse($"""
            The ministry adopted the long-term development plan for the armed forces in 2023.
            {assistant}
            Parliament approved the budget for the first phase of the plan in the same year.
            """);

        var removed = Assert.Single(document.Removed);
        Assert.Equal(("assistant-text", assistant, 2, 2), (removed.Reason, removed.Text, removed.Line, removed.LineEnd));
        Assert.Equal([1, 3], document.Blocks.Select(b => b.Line));
        Assert.All(document.Blocks.Cast<ParagraphBlock>(), p => Assert.False(p.Truncated));
        Assert.Empty(document.Warnings);
    }

    [Fact]
    public void Parse_AssistantTextMidLine_KeepsTextBeforeItFlaggedTruncated()
    {
        var document = Ingest.Parse("""
            Cooperation deepened in cyber defence, with two joint exercises held It looks like your HTML content was cut off at the end.
            Parliament approved the budget for the first phase of the plan in the same year.
            """);

        var removed = Assert.Single(document.Removed);
        Assert.Equal(("assistant-text", "It looks like your HTML content was cut off at the end.", 1), (removed.Reason, removed.Text, removed.Line));
        var paragraph = Assert.IsType<ParagraphBlock>(document.Blocks[0]);
        Assert.Equal("Cooperation deepened in cyber defence, with two joint exercises held", paragraph.Text);
        Assert.True(paragraph.Truncated);
        var warning = Assert.Single(document.Warnings);
        Assert.Equal(("truncated", 1), (warning.Code, warning.Line));
    }

    [Fact]
    public void Parse_LetMeKnowAfterSentenceOnSameLine_RemovesOnlyTheAssistantSentence()
    {
        var document = Ingest.Parse("""
            The ministry adopted the long-term plan in 2023 after a lengthy review. Let me know if you want me to shorten it.
            """);

        Assert.Equal("Let me know if you want me to shorten it.", Assert.Single(document.Removed).Text);
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks));
        Assert.Equal("The ministry adopted the long-term plan in 2023 after a lengthy review.", paragraph.Text);
        Assert.True(paragraph.Truncated);
    }

    /// <summary>
    /// Decision: assistant phrases are matched case-sensitively at the start of a sentence, so a
    /// document sentence that merely contains "let me know" (lower case, mid-sentence) is kept whole.
    /// A document sentence that itself begins "Let me know if" would be removed; that is the price of
    /// catching the assistant's closing line, and the removal is listed, not silent.
    /// </summary>
    [Fact]
    public void Parse_LetMeKnowInsideNormalSentence_KeepsTheSentence()
    {
        const string sentence = "The coordinator asked partners to let me know if the schedule changes, according to the minutes.";
        var document = Ingest.Parse(sentence);

        Assert.Empty(document.Removed);
        var paragraph = Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks));
        Assert.Equal(sentence, paragraph.Text);
        Assert.False(paragraph.Truncated);
    }

    [Theory]
    [InlineData("```html")]
    [InlineData("```")]
    [InlineData("~~~")]
    [InlineData("~~~python")]
    [InlineData("“`html")]
    [InlineData("”`")]
    public void Parse_CodeFenceLine_RemovedAsCodeFence(string fence)
    {
        var document = Ingest.Parse($"""
            The ministry adopted the long-term development plan for the armed forces in 2023.
            {fence}
            Parliament approved the budget for the first phase of the plan in the same year.
            """);

        var removed = Assert.Single(document.Removed);
        Assert.Equal(("code-fence", fence, 2), (removed.Reason, removed.Text, removed.Line));
        Assert.Equal([1, 3], document.Blocks.Select(b => b.Line));
    }

    [Fact]
    public void Parse_BackquotesInsideSentence_NotAFence()
    {
        const string sentence = "The file is named ```report``` in the archive, as the annex explains in detail.";
        var document = Ingest.Parse(sentence);

        Assert.Empty(document.Removed);
        Assert.Equal(sentence, Assert.IsType<ParagraphBlock>(Assert.Single(document.Blocks)).Text);
    }
}
