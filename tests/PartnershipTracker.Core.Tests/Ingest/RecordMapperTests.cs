using System.Text;
using PartnershipTracker.Core.Ingest;
using PartnershipTracker.Domain;
using PartnershipTracker.Ingest;

namespace PartnershipTracker.Core.Tests.Ingest;

public sealed class RecordMapperTests
{
    private static MappedRecords Map(string text)
    {
        var options = new IngestOptions { KnownHeaders = MappingRules.Default.KnownHeaders };
        var document = DocumentIngestor.Parse("doc.txt", Encoding.UTF8.GetBytes(text), options).Document!;
        return new RecordMapper(MappingRules.Default).Map(document);
    }

    [Fact]
    public void Map_UnknownStatusLabel_KeepsLabelLeavesStatusEmptyAndWarns()
    {
        var records = Map("Initiative\nFocus Area\nStatus\nSecurity Sector Review\nCyber Defence\nВ процессе\nLogistics Plan\nResources\nStalled since 2021\n");

        Assert.Equal(
            [("Security Sector Review", "Cybersecurity", "Cyber Defence", (InitiativeStatus?)null, "В процессе"),
             ("Logistics Plan", "Resources", "Resources", InitiativeStatus.Stalled, "Stalled since 2021")],
            records.Initiatives.Select(i => (i.Name, i.Area!, i.FocusArea!, i.Status, i.StatusLabel!)));
        var warning = Assert.Single(records.Warnings);
        Assert.Equal(("unrecognised-status", 4), (warning.Code, warning.Line!.Value));
        Assert.Contains("\"В процессе\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Map_TableNoRuleKnows_IsKeptAsUnmapped()
    {
        var records = Map("Year\nTroops\nMission\n2009\n10\nISAF\n2010\n45\nISAF\n");

        var unmapped = Assert.Single(records.Unmapped);
        Assert.Equal(("table", 1, "Year | Troops | Mission"), (unmapped.Type, unmapped.Line, unmapped.Description));
        Assert.Equal(0, records.Count);
    }

    [Fact]
    public void Map_AreaNamedThreeWays_IsOneAreaWithEveryMention()
    {
        var records = Map("Key areas of development include:\nCyber Defense: Strengthening resilience.\nCapacity Building: Training.\n\nInitiative\nFocus Area\nStatus\nCERT Project\nDigital Threat Protection\nPlanned\nCyber Range\nCybersecurity\nOngoing\n");

        Assert.Equal(["Cybersecurity", "Capacity Building"], records.Areas.Select(a => a.Name));
        var cyber = records.Areas[0];
        Assert.Equal(["Cyber Defense", "Digital Threat Protection", "Cybersecurity"], cyber.NamesSeen);
        Assert.Equal("Strengthening resilience.", cyber.Description);
        Assert.Equal([2, 8, 11], cyber.Evidence.Select(e => e.Line));
    }
}
