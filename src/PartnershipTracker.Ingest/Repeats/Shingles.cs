using System.Globalization;
using System.Text;

namespace PartnershipTracker.Ingest.Repeats;

/// <summary>
/// Text to word shingles, as 64-bit hashes that are the same in every process and on every machine
/// (<see cref="string.GetHashCode()"/> is randomised per process and must not be used for stored values).
/// </summary>
/// <remarks>
/// Normalisation: Unicode NFKC (so "ﬁ" is "fi" and a full-width digit is a digit), then lower case by
/// <see cref="char.ToLowerInvariant"/>. A word is a run of letters, digits and combining marks; apostrophes
/// inside a word are dropped ("NATO’s" and "NATO's" are both "natos"); every other character (spaces,
/// punctuation, dashes, symbols) separates words, so spacing and punctuation do not count.
/// Hashes: FNV-1a 64 over a word's UTF-16 code units, finished with <see cref="Mix"/>; a shingle of k words
/// chains them, h = Mix(h ⊕ word), from h = 0, so the order of the words counts.
/// </remarks>
internal static class Shingles
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>Appends the hash of each word of <paramref name="text"/>, in order, to <paramref name="words"/>.</summary>
    public static void WordHashes(string text, List<ulong> words)
    {
        var normalized = IsAscii(text) || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var hash = FnvOffset;
        var inWord = false;
        foreach (var raw in normalized)
        {
            char c;
            if (raw < 128)
            {
                if (raw is >= 'a' and <= 'z' or >= '0' and <= '9')
                {
                    c = raw;
                }
                else if (raw is >= 'A' and <= 'Z')
                {
                    c = (char)(raw + 32);
                }
                else if (raw == '\'' && inWord)
                {
                    continue;
                }
                else
                {
                    c = '\0';
                }
            }
            else if (IsWordChar(raw))
            {
                c = char.ToLowerInvariant(raw);
            }
            else if (raw is '’' or 'ʼ' && inWord)
            {
                continue;
            }
            else
            {
                c = '\0';
            }

            if (c == '\0')
            {
                if (inWord)
                {
                    words.Add(Mix(hash));
                    hash = FnvOffset;
                    inWord = false;
                }

                continue;
            }

            hash = (hash ^ c) * FnvPrime;
            inWord = true;
        }

        if (inWord)
        {
            words.Add(Mix(hash));
        }
    }

    /// <summary>
    /// Writes the hash of each run of <paramref name="k"/> consecutive words to <paramref name="shingles"/>.
    /// Fewer than k words make one shingle of all of them; no words make none.
    /// </summary>
    public static void ShingleHashes(List<ulong> words, int k, List<ulong> shingles)
    {
        shingles.Clear();
        if (words.Count == 0)
        {
            return;
        }

        var width = Math.Min(k, words.Count);
        for (var start = 0; start + width <= words.Count; start++)
        {
            var hash = 0UL;
            for (var j = 0; j < width; j++)
            {
                hash = Mix(hash ^ words[start + j]);
            }

            shingles.Add(hash);
        }
    }

    /// <summary>The 64-bit finaliser of MurmurHash3 (fmix64): a bijection on 64-bit values that spreads every input bit over every output bit.</summary>
    public static ulong Mix(ulong value)
    {
        value ^= value >> 33;
        value *= 0xff51afd7ed558ccd;
        value ^= value >> 33;
        value *= 0xc4ceb9fe1a85ec53;
        value ^= value >> 33;
        return value;
    }

    /// <summary>The next value of the SplitMix64 sequence (Steele, Lea and Flood 2014), advancing <paramref name="state"/>.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        state += 0x9e3779b97f4a7c15;
        var z = state;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }

    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c)
        || char.IsSurrogate(c)
        || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;

    private static bool IsAscii(string text) => Ascii.IsValid(text);
}
