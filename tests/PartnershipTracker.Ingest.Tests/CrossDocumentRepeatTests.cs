using System.Text;
using PartnershipTracker.Ingest.Model;
using PartnershipTracker.Ingest.Repeats;

namespace PartnershipTracker.Ingest.Tests;

/// <summary>Passages that recur across documents: MinHash signatures, LSH band keys, the index and the batch search.</summary>
public sealed class CrossDocumentRepeatTests
{
    /// <summary>42 words; the first document's copy is wrapped over lines 3 to 5.</summary>
    private const string AnnualReview = """
        Annual Review of the Partnership

        The defence ministry adopted a long-term development plan in 2023 that sets out how the armed
        forces will be modernised over the next ten years, with new training centres, common procurement
        rules and a joint logistics command shared by both entities.

        Parliament approved the budget in late December.

        Observers from the alliance attended four field exercises and reported steady progress in
        interoperability, although equipment shortages limited the scale of the final exercise.
        """;

    /// <summary>The plan paragraph again at lines 6 and 7, with one word changed ("would"), other capitals, no hyphen.</summary>
    private const string CyberNote = """
        Cyber Defence Note

        A national cyber response team was set up in 2024 and joined the alliance incident exchange, which
        gives it early warning of attacks on government networks and power grids.

        The Defence Ministry adopted a long term development plan in 2023 that sets out how the armed forces
        would be modernised over the next ten years, with new training centres, common procurement rules and a joint logistics command shared by both entities.

        Parliament approved the budget in late December.
        """;

    private static readonly PassageSigner Signer = new();

    private static IReadOnlyList<PassageSignature> Sign(string text) => Signer.Sign(Ingest.Parse(text));

    [Fact]
    public void Add_ParagraphRepeatedWithSmallEdits_LinksTheTwoLineRanges()
    {
        var index = new PassageIndex();
        Assert.Empty(index.Add("annual-review", Sign(AnnualReview)));

        var links = index.Add("cyber-note", Sign(CyberNote));

        var link = Assert.Single(links);
        Assert.Equal(("cyber-note", 6, 7, "annual-review", 3, 5), (link.Document, link.Line, link.LineEnd, link.OtherDocument, link.OtherLine, link.OtherLineEnd));
        // One changed word changes 3 of 40 shingles: the true Jaccard similarity is 37/43 = 0.86.
        Assert.InRange(link.Similarity, 0.8, 0.95);
        Assert.Equal(2, index.DocumentCount);
    }

    [Fact]
    public void Add_UnrelatedParagraphsOnTheSameSubject_AreNotLinked()
    {
        var index = new PassageIndex();
        index.Add("annual-review", Sign(AnnualReview));

        var links = index.Add("training", Sign("""
            Training Report

            The armed forces of Bosnia and Herzegovina took part in four exercises with alliance members in 2023,
            and the defence ministry opened a new training centre for officers from both entities.

            Observers reported that equipment shortages and a late budget limited the scale of the exercises.
            """));

        Assert.Empty(links);
    }

    [Fact]
    public void Sign_PassageUnderEightWords_IsIgnoredAndEightWordsIsCompared()
    {
        // "Parliament approved the budget in late December." is 7 words and is in both documents.
        Assert.Equal(3, Passage.In(Ingest.Parse(AnnualReview)).Count);
        Assert.Equal(2, Sign(AnnualReview).Count);
        var links = PassageIndex.FindAll([KeyValuePair.Create("a", Ingest.Parse(AnnualReview)), KeyValuePair.Create("b", Ingest.Parse(CyberNote))]);
        Assert.Equal(6, Assert.Single(links).Line);

        var eight = "Parliament approved the first budget in late December.";
        Assert.Null(Signer.Sign(new Passage("paragraph", 1, 1, "Parliament approved the budget in late December.")));
        var index = new PassageIndex();
        index.Add("a", [Signer.Sign(new Passage("paragraph", 4, 4, eight))!]);
        var link = Assert.Single(index.Add("b", [Signer.Sign(new Passage("paragraph", 9, 9, eight))!]));
        Assert.Equal(("b", 9, "a", 4, 1.0), (link.Document, link.Line, link.OtherDocument, link.OtherLine, link.Similarity));
    }

    [Fact]
    public void FindAll_ParagraphSharedByThreeDocuments_GivesEveryPairOnce()
    {
        var third = """
            Progress Summary

            THE DEFENCE MINISTRY ADOPTED a long-term development plan in 2023 that sets out how the
            armed forces will be modernised over the next ten years, with new training centres,
            common procurement rules and a joint logistics command shared by both entities.
            """;

        var links = PassageIndex.FindAll(
        [
            KeyValuePair.Create("annual-review", Ingest.Parse(AnnualReview)),
            KeyValuePair.Create("cyber-note", Ingest.Parse(CyberNote)),
            KeyValuePair.Create("summary", Ingest.Parse(third)),
        ]);

        Assert.Equal(
            [("cyber-note", 6, "annual-review", 3), ("summary", 3, "annual-review", 3), ("summary", 3, "cyber-note", 6)],
            links.Select(l => (l.Document, l.Line, l.OtherDocument, l.OtherLine)));
        Assert.All(links, l => Assert.InRange(l.Similarity, 0.8, 1.0));
        // The same words wrapped and capitalised differently are the same shingles.
        Assert.Equal(1.0, links[1].Similarity);
    }

    [Fact]
    public void Add_SameDocumentKeyAgain_NeverLinksADocumentToItself()
    {
        var index = new PassageIndex();
        index.Add("annual-review", Sign(AnnualReview));

        Assert.Empty(index.Add("annual-review", Sign(AnnualReview)));
        // Another key finds both passages in each of the two copies added under "annual-review".
        Assert.Equal(4, index.Find("other", Sign(AnnualReview)).Count);
        Assert.Equal(1, index.DocumentCount);
        Assert.Equal(4, index.PassageCount);
    }

    [Fact]
    public void MinHash_KnownSentence_GivesTheSameValuesInEveryProcess()
    {
        // Pinned values, checked against an independent implementation of the documented method (Python):
        // stored signatures depend on them, so any change to normalisation, hashing or seeds must show here.
        var signature = new PassageSigner().MinHash("The partnership between NATO and Bosnia and Herzegovina deepened in 2023.");
        var keys = Signer.BandKeys(signature);

        Assert.Equal(128, signature.Length);
        Assert.Equal(32, keys.Length);
        Assert.Equal([986003385578020042UL, 1926920175544519830UL, 156243976732122657UL, 353343665056158231UL], signature[..4]);
        Assert.Equal(12672726756512594644UL, keys[0]);
        Assert.Equal("minhash-v1;k=3;n=128;b=32;seed=50545241434b0001", new RepeatOptions().Scheme);
    }

    [Fact]
    public void MinHash_CaseQuotesDashesSpacingAndUnicodeForms_AreTheSameText()
    {
        var plain = Signer.MinHash("nato's partnership with bosnia and herzegovina deepened in 2023 fi");

        Assert.Equal(plain, Signer.MinHash("NATO’s  Partnership—with Bosnia and\nHerzegovina (deepened) in ２０２３ ﬁ!"));
        Assert.NotEqual(plain, Signer.MinHash("nato's partnership with bosnia and herzegovina deepened in 2024 fi"));
    }

    [Fact]
    public void MinHash_VectorAndScalarLoops_GiveTheSameValues()
    {
        var words = new List<ulong>();
        var shingles = new List<ulong>();
        Shingles.WordHashes(AnnualReview, words);
        Shingles.ShingleHashes(words, 3, shingles);

        Assert.Equal(Signer.MinHashScalar(shingles), Signer.MinHash(shingles));
    }

    [Fact]
    public void EstimateSimilarity_HalfTheWordsReplaced_IsNearTheExactJaccard()
    {
        // 100 distinct words; the second text replaces the last 50. Shared 3-shingles: 48 of 98 each, Jaccard 48/148 = 0.324.
        var first = string.Join(' ', Enumerable.Range(1, 100).Select(i => $"w{i}"));
        var second = string.Join(' ', Enumerable.Range(1, 100).Select(i => i <= 50 ? $"w{i}" : $"x{i}"));

        var estimate = PassageSigner.EstimateSimilarity(Signer.MinHash(first), Signer.MinHash(second));

        Assert.InRange(estimate, 0.324 - 0.1, 0.324 + 0.1);
    }

    [Fact]
    public void In_ParagraphListAndTable_GivesOnePassagePerParagraphItemAndDataRow()
    {
        var markdown = """
            # Review

            The partnership deepened in 2023 with a new reform package for the armed forces.

            - Budget limits: Affect modernization and capability development.
            - Property registration: Delays impede military infrastructure improvements.

            | Initiative | Focus Area | Status |
            |---|---|---|
            | Defense Reform Program | Structural Modernization | Ongoing |
            """;
        var document = DocumentIngestor.Parse("review.md", Encoding.UTF8.GetBytes(markdown), new IngestOptions()).Document!;

        Assert.Equal(
        [
            new Passage("paragraph", 3, 3, "The partnership deepened in 2023 with a new reform package for the armed forces."),
            new Passage("list-item", 5, 5, "Budget limits: Affect modernization and capability development."),
            new Passage("list-item", 6, 6, "Property registration: Delays impede military infrastructure improvements."),
            new Passage("table-row", 10, 10, "Defense Reform Program Structural Modernization Ongoing"),
        ],
        Passage.In(document));
    }

    [Fact]
    public void Validate_BandsNotDividingHashCount_NamesTheSetting()
    {
        var options = new RepeatOptions { Bands = 30 };

        Assert.Equal(["Bands must divide HashCount (128)."], options.Validate());
        Assert.Throws<ArgumentException>(() => new PassageIndex(options));
    }

    [Fact]
    public void Find_SignatureOfAnotherScheme_Throws()
    {
        var index = new PassageIndex();
        var other = new PassageSigner(new RepeatOptions { HashCount = 64, Bands = 16 }).Sign(Ingest.Parse(AnnualReview));

        Assert.Throws<ArgumentException>(() => index.Find("x", other));
    }
}
