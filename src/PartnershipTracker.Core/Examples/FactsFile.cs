using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace PartnershipTracker.Core.Examples;

/// <summary>The shape of a facts file (examples/nato-bih/facts.yaml).</summary>
internal sealed class FactsFile
{
    public List<FactEntry> Facts { get; set; } = [];

    public static FactsFile Read(TextReader reader)
    {
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .Build();
        return deserializer.Deserialize<FactsFile>(reader) ?? new FactsFile();
    }
}

/// <summary>One sourced fact: what, as of when, how sure, from where.</summary>
internal sealed class FactEntry
{
    public string Section { get; set; } = "";

    public string Fact { get; set; } = "";

    public string Value { get; set; } = "";

    public string AsOf { get; set; } = "";

    public string Confidence { get; set; } = "";

    /// <summary>The URLs the fact comes from; empty when only <see cref="SourceNote"/> says where.</summary>
    public List<string> Sources { get; set; } = [];

    /// <summary>Each URL followed by "(publisher, title, date)", or words pointing at an earlier source ("same", "Klix (c. 2020), above").</summary>
    public string SourceNote { get; set; } = "";
}
