using System.Globalization;

namespace PartnershipTracker.Ingest.Repeats;

/// <summary>
/// Settings for finding passages that recur across documents (configuration section "Ingest:Repeats").
/// </summary>
/// <remarks>
/// <see cref="ShingleWords"/>, <see cref="HashCount"/>, <see cref="Bands"/> and <see cref="Seed"/> decide the
/// stored values: signatures and band keys made with different values cannot be compared. <see cref="Scheme"/>
/// names them, so a caller that stores signatures stores it too and re-signs when it changes.
/// <see cref="MinimumWords"/> and <see cref="Threshold"/> can change at any time.
/// </remarks>
public sealed class RepeatOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "Ingest:Repeats";

    /// <summary>
    /// Passages with fewer words than this (after normalisation) are not compared. Default 8: shorter
    /// passages are headings, table cells and stock phrases ("Key issues include:") that recur by chance,
    /// and a single changed word moves their similarity by more than the threshold allows.
    /// </summary>
    public int MinimumWords { get; set; } = 8;

    /// <summary>
    /// Words per shingle (k). Default 3: one changed word changes at most 3 shingles, so a 50-word
    /// paragraph with one edit keeps a similarity of about 0.88; 5-word shingles would put it at 0.80.
    /// </summary>
    public int ShingleWords { get; set; } = 3;

    /// <summary>MinHash functions, i.e. the length of a signature in <see cref="ulong"/>s. Default 128 (1 KiB per passage).</summary>
    public int HashCount { get; set; } = 128;

    /// <summary>
    /// LSH bands; each band has <see cref="HashCount"/> / <see cref="Bands"/> rows and gives one band key.
    /// Default 32 bands of 4 rows: a pair of similarity s becomes a candidate with probability
    /// 1 − (1 − s⁴)³², which is 0.99999995 at s = 0.8, 0.87 at s = 0.5 and 0.003 at s = 0.1.
    /// </summary>
    public int Bands { get; set; } = 32;

    /// <summary>
    /// Smallest estimated Jaccard similarity of two passages' shingle sets for them to be a repeat, from 0 to 1.
    /// Default 0.8. The estimate from 128 hashes has a standard error of about 0.035 at 0.8.
    /// </summary>
    public double Threshold { get; set; } = 0.8;

    /// <summary>Seed of the hash functions. Any fixed value (the default spells "PTRACK" and 1); it must not change once signatures are stored.</summary>
    public ulong Seed { get; set; } = 0x5054_5241_434B_0001;

    /// <summary>Rows (signature values) per band.</summary>
    public int RowsPerBand => HashCount / Bands;

    /// <summary>
    /// Names the values that decide signatures and band keys, e.g. <c>minhash-v1;k=3;n=128;b=32;seed=50545241434b0001</c>.
    /// Stored signatures are comparable with new ones only when the schemes are equal.
    /// </summary>
    public string Scheme => string.Create(
        CultureInfo.InvariantCulture,
        $"minhash-v1;k={ShingleWords};n={HashCount};b={Bands};seed={Seed:x16}");

    /// <summary>The problems with these settings, each naming the setting; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (MinimumWords < 1)
        {
            errors.Add($"{nameof(MinimumWords)} must be at least 1.");
        }

        if (ShingleWords is < 1 or > 16)
        {
            errors.Add($"{nameof(ShingleWords)} must be from 1 to 16.");
        }

        if (HashCount is < 1 or > 1024)
        {
            errors.Add($"{nameof(HashCount)} must be from 1 to 1024.");
        }

        if (Bands < 1 || Bands > HashCount || HashCount % Bands != 0)
        {
            errors.Add($"{nameof(Bands)} must divide {nameof(HashCount)} ({HashCount}).");
        }

        if (Threshold is <= 0 or > 1 || double.IsNaN(Threshold))
        {
            errors.Add($"{nameof(Threshold)} must be above 0 and at most 1.");
        }

        return errors;
    }
}
