using System.Text;

namespace PartnershipTracker.Testing;

/// <summary>Small documents written by hand for tests that need a file of a kind no library makes for us.</summary>
public static class SampleDocuments
{
    /// <summary>A one-page PDF protected by a user password (standard security handler, RC4 40-bit) that is not empty.</summary>
    public static byte[] EncryptedPdf()
    {
        var hex = string.Concat(Enumerable.Repeat("4A7F", 16));
        return RawPdfWithTrailer(
            "/Encrypt 4 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]",
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R >>",
            $"<< /Filter /Standard /V 1 /R 2 /O <{hex}> /U <{hex}> /P -4 >>",
            "<< /Length 10 >>\nstream\n0123456789\nendstream");
    }

    /// <summary>A PDF of the given objects (numbered from 1, the first the catalog) with a cross-reference table and no extra trailer entries.</summary>
    public static byte[] RawPdf(params string[] objects) => RawPdfWithTrailer("", objects);

    /// <summary>A PDF of the given objects (numbered from 1, the first the catalog) with a cross-reference table; <paramref name="trailerEntries"/> go into the trailer dictionary.</summary>
    public static byte[] RawPdfWithTrailer(string trailerEntries, params string[] objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(FormattableString.Invariant($"{i + 1} 0 obj\n{objects[i]}\nendobj\n"));
        }

        var xref = pdf.Length;
        pdf.Append(FormattableString.Invariant($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n"));
        foreach (var offset in offsets)
        {
            pdf.Append(FormattableString.Invariant($"{offset:D10} 00000 n \n"));
        }

        var extra = trailerEntries.Length == 0 ? "" : " " + trailerEntries;
        pdf.Append(FormattableString.Invariant($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R{extra} >>\nstartxref\n{xref}\n%%EOF\n"));
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
