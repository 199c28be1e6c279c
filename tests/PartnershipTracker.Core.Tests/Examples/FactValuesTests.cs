using PartnershipTracker.Core.Examples;

namespace PartnershipTracker.Core.Tests.Examples;

public sealed class FactValuesTests
{
    [Theory]
    [InlineData("0.74%", "0.74")]
    [InlineData("0.9% of GDP", "0.9")]
    [InlineData("about €171 million (95% to the army)", "171")]
    [InlineData("about €156 million (incl. €10.7 m for pensions of former soldiers)", "156")]
    [InlineData("More than 1,300 AF BiH members", "1300")]
    [InlineData("31 registered, all in FBiH; none of the 20 in RS", "31")]
    public void FirstNumber_ValueText_ReadsFirstNumber(string text, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FactValues.FirstNumber(text));
    }

    [Fact]
    public void FirstNumber_NoDigits_ReturnsNull()
    {
        Assert.Null(FactValues.FirstNumber("about a dozen"));
    }

    [Fact]
    public void PartOfWhole_CountOfList_ReadsBoth()
    {
        Assert.Equal((31m, 57m), FactValues.PartOfWhole("MoD: 31 of 57 registered, all in FBiH. State Attorney's Office: 25 registered"));
    }

    [Fact]
    public void PartOfWhole_NoOf_ReturnsNull()
    {
        Assert.Null(FactValues.PartOfWhole("31 registered, all in FBiH"));
    }

    [Fact]
    public void PercentByYear_List_ReadsEveryPairInOrder()
    {
        var values = FactValues.PercentByYear("Share completed: 54% (2007), 61% (2008), 65.5% (2009)");

        Assert.Equal([(54m, 2007), (61m, 2008), (65.5m, 2009)], values);
    }
}
