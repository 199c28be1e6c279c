using PartnershipTracker.Domain;

namespace PartnershipTracker.Core.Tests.Domain;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("Dec 2006", "2006-12")]
    [InlineData("22 Apr 2010", "2010-04-22")]
    [InlineData("1–2 Feb 2024", "2024-02-01")]
    [InlineData("c. Dec 2015", "2015-12")]
    [InlineData("2013 plan", "2013")]
    [InlineData("c. early 2020", "2020")]
    [InlineData("2019-12-23", "2019-12-23")]
    [InlineData("Jul 2016; Aug 2017", "2016-07")]
    [InlineData("NATO via Mirage, Sept 2023: \"endorsed by Allies in February 2023\"", "2023-09")]
    [InlineData("Report.az, dated 2026-02-10: CoM adopted RP 2025", "2026-02-10")]
    public void FromText_SourceWording_ReadsDateToStatedPrecision(string text, string expected)
    {
        Assert.Equal(expected, PartialDate.FromText(text)?.ToString());
    }

    [Theory]
    [InlineData("n.d.")]
    [InlineData("")]
    [InlineData(null)]
    public void FromText_NoYear_ReturnsNull(string? text)
    {
        Assert.Null(PartialDate.FromText(text));
    }

    [Fact]
    public void ParseIso_ToStringOutput_RoundTrips()
    {
        var date = new PartialDate(2010, 4, 22);

        Assert.Equal(date, PartialDate.ParseIso(date.ToString()));
    }
}

public sealed class InitiativeStatusLabelTests
{
    [Fact]
    public void Parse_LaunchedWithYear_ReturnsLaunchedAndYear()
    {
        var (status, since) = InitiativeStatusLabel.Parse("Launched 2023");

        Assert.Equal(InitiativeStatus.Launched, status);
        Assert.Equal(new PartialDate(2023), since);
    }

    [Fact]
    public void Parse_Ongoing_ReturnsOngoingWithoutDate()
    {
        var (status, since) = InitiativeStatusLabel.Parse("Ongoing");

        Assert.Equal(InitiativeStatus.Ongoing, status);
        Assert.Null(since);
    }

    [Fact]
    public void Parse_UnknownWord_ReturnsNothing()
    {
        var (status, since) = InitiativeStatusLabel.Parse("Mystery");

        Assert.Null(status);
        Assert.Null(since);
    }
}
