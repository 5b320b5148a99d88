using System.Text;
using DocGen.Core.Json;
using DocGen.Core.Tests.Fixtures;
using NJsonSchema;

namespace DocGen.Core.Tests.Json;

/// <summary>The committed schema is the one built from the editions, and it agrees with the reader.</summary>
public class ReportSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Templates, "schema", "report.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromJsonAsync(File.ReadAllText(SchemaPath)).GetAwaiter().GetResult());

    [Fact]
    public void Committed_schema_matches_the_edition_definitions()
    {
        Assert.Equal(ReportSchema.Build(), File.ReadAllText(SchemaPath));
    }

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var edition in new[] { "2021", "2019", "legacy" })
            data.Add(ReportJsonWriter.WriteString(ReportFactory.Consistent(edition)));
        foreach (var file in RepoPaths.SampleFiles()) data.Add(File.ReadAllText(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Reports_the_reader_accepts_are_valid_against_the_schema(string json)
    {
        Assert.True(ReportJsonReader.Read(Encoding.UTF8.GetBytes(json)).Ok);
        Assert.Empty(Schema.Value.Validate(json));
    }

    [Theory]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "colour": 1}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": "2023"}""")]
    [InlineData("""{"edition": "2022", "agency": "甲", "year": 2023}""")]
    [InlineData("""{"agency": "甲", "year": 2023}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"requests": {"granted": [1, 2, "三", 0, 0, 0, 3]}}}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"requests": {"granted": [1, 2]}}}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"requests": {"subtotal": [1]}}}""")]
    [InlineData("""{"edition": "2019", "agency": "甲", "year": 2020, "tables": {"proactive": {"licensing": [1, 2]}}}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "tables": {"proactive": {"otherServices": [1, 2, 3]}}}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "sections": [{"key": "overview", "blocks": [42]}]}""")]
    [InlineData("""{"edition": "2021", "agency": "甲", "year": 2023, "preface": [{"lead": "1.", "colour": "red"}]}""")]
    public void Documents_the_reader_refuses_are_invalid_against_the_schema(string json)
    {
        Assert.False(ReportJsonReader.Read(Encoding.UTF8.GetBytes(json)).Ok);
        Assert.NotEmpty(Schema.Value.Validate(json));
    }
}
