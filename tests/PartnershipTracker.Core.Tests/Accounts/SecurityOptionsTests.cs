using PartnershipTracker.Core.Security;

namespace PartnershipTracker.Core.Tests.Accounts;

/// <summary>The <c>Security</c> settings added for proxies and failed bearer tokens are checked at start-up.</summary>
public sealed class SecurityOptionsTests
{
    [Fact]
    public void TrustedProxies_AddressesAndNetworks_Parsed()
    {
        var options = new SecurityOptions { TrustedProxies = " 10.0.0.2, 192.168.1.0/24;::1 " };

        Assert.Null(options.Check());
        Assert.Equal(["10.0.0.2/32", "192.168.1.0/24", "::1/128"], options.TrustedProxyNetworks()!.Select(n => n.ToString()));
    }

    [Fact]
    public void TrustedProxies_Default_NoneTrusted()
    {
        Assert.Empty(new SecurityOptions().TrustedProxyNetworks()!);
    }

    [Theory]
    [InlineData("proxy.example.org", 20, "Security:TrustedProxies must be IP addresses or CIDR networks separated by commas, not 'proxy.example.org'")]
    [InlineData("", 0, "Security:BearerFailureLimit must be a positive number of failed bearer tokens per minute, not 0")]
    public void Check_BadValue_NamesTheSetting(string proxies, int limit, string message)
    {
        Assert.Equal(message, new SecurityOptions { TrustedProxies = proxies, BearerFailureLimit = limit }.Check());
    }
}
