using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using PartnershipTracker.Core.Common;
using PartnershipTracker.Core.Data;
using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Features.Marking;

/// <summary>
/// A record's marking as a STANAG 4774 confidentiality metadata label (NATO ADatP-4774 Ed. A Ver. 1, Appendix 1): the
/// XML document <c>originatorConfidentialityLabel</c> in the namespace <see cref="Namespace"/>, holding
/// <c>ConfidentialityInformation</c> (<c>PolicyIdentifier</c> "NATO", <c>Classification</c> the label as written on
/// documents, and for a Releasable To list one <c>Category</c> with <c>TagName="Releasable To"</c>,
/// <c>Type="PERMISSIVE"</c> and a <c>GenericValue</c> per nation or organisation) and <c>CreationDateTime</c>, the time
/// the label was written (UTC, whole seconds, from the injected clock). The shape is the one
/// <see cref="Schema"/> (embedded confidentiality-label.xsd) describes. See docs/adr/0016-markings.md.
/// </summary>
public sealed class ConfidentialityLabel(PtrackDbContext db, TimeProvider time)
{
    /// <summary>The STANAG 4774 label namespace, version 1.0.</summary>
    public const string Namespace = "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0";

    /// <summary>The security policy named in every label ptrack writes.</summary>
    public const string Policy = "NATO";

    /// <summary>The tag name of the Releasable To category.</summary>
    public const string ReleasableToTag = "Releasable To";

    /// <summary>The embedded schema's resource name.</summary>
    public const string SchemaResource = "Marking.confidentiality-label.xsd";

    private static readonly XNamespace Slab = Namespace;

    /// <summary>
    /// The label of the live record <paramref name="type"/> <paramref name="id"/> as UTF-8 XML text. NotFound when there
    /// is no such record or the reader may not see it (the same answer: a hidden record leaves no trace); Invalid
    /// for a type that has no marking (programmes, observations).
    /// </summary>
    public async Task<Result<string>> HandleAsync(RecordType type, int id, CancellationToken cancellationToken = default)
    {
        if (!EditableRecords.IsEditable(type))
        {
            return Failure.Invalid($"a {EditableRecords.Noun(type)} has no marking of its own", "type");
        }

        var record = await EditableRecords.FindAsync(db, type, id, includeDeleted: false, cancellationToken);
        if (record is null)
        {
            return Failure.NotFound($"{EditableRecords.Noun(type)} {id} does not exist");
        }

        return Write(record.Classification, record.ReleasableTo, time.GetUtcNow());
    }

    /// <summary>The label of a marking written at <paramref name="created"/>, as XML text with its declaration.</summary>
    public static string Write(Classification classification, string? releasableTo, DateTimeOffset created)
    {
        var information = new XElement(Slab + "ConfidentialityInformation",
            new XElement(Slab + "PolicyIdentifier", Policy),
            new XElement(Slab + "Classification", Markings.Label(classification)));
        var entries = Markings.ReleasableToEntries(releasableTo);
        if (entries.Count > 0)
        {
            information.Add(new XElement(Slab + "Category",
                new XAttribute("TagName", ReleasableToTag),
                new XAttribute("Type", "PERMISSIVE"),
                entries.Select(e => new XElement(Slab + "GenericValue", e))));
        }

        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Slab + "originatorConfidentialityLabel",
                new XAttribute(XNamespace.Xmlns + "slab", Namespace),
                information,
                new XElement(Slab + "CreationDateTime",
                    created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))));
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(text), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return text.ToString();
    }

    /// <summary>The embedded schema of the labels <see cref="Write"/> produces (confidentiality-label.xsd).</summary>
    public static XmlSchemaSet Schema()
    {
        using var stream = typeof(ConfidentialityLabel).Assembly.GetManifestResourceStream(SchemaResource)
            ?? throw new InvalidOperationException($"The embedded resource {SchemaResource} is missing from the build.");
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var set = new XmlSchemaSet { XmlResolver = null };
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    }

    /// <summary>A StringWriter that declares UTF-8 (the response's encoding) rather than UTF-16.</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
