using System.Text;
using SlmPlatform.Specialists.Training;

namespace SlmPlatform.Specialists.Artifacts;

/// <summary>
/// The file format of a classifier head (<c>.slmhead</c>): a magic line, a JSON header (format, embedding model,
/// dimensions, hidden units, labels, the teacher's answer per label, member count, training facts), then per
/// ensemble member its standardiser and weights as little-endian float blocks.
/// Self-describing, so a serving process needs nothing but the file and the named embedding model.
/// </summary>
public static class ClassifierHeadArtifact
{
    public const string Format = "slm.classifier-head/1";
    public const string FileExtension = ".slmhead";
    private const string Magic = "SLMHEAD1";

    public static void Write(ClassifierHead head, Stream stream, IReadOnlyDictionary<string, string>? facts = null)
    {
        ArgumentNullException.ThrowIfNull(head);
        var header = new Header(Format, head.EmbeddingModelId, head.Dimensions, head.HiddenUnits, [.. head.Labels], head.Members.Count,
            facts is null ? [] : new Dictionary<string, string>(facts, StringComparer.Ordinal),
            new Dictionary<string, string>(head.Answers, StringComparer.Ordinal));
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(JsonSerializer.Serialize(header, HeaderJson.Options));
        foreach (var member in head.Members)
        {
            FloatBlocks.Write(writer, member.Standardiser.Mean);
            FloatBlocks.Write(writer, member.Standardiser.Scale);
            FloatBlocks.Write(writer, member.Parameters);
        }
    }

    public static ClassifierHead Read(Stream stream) => ReadWithFacts(stream).Head;

    public static (ClassifierHead Head, IReadOnlyDictionary<string, string> Facts) ReadWithFacts(Stream stream)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (reader.ReadString() != Magic)
        {
            throw new InvalidDataException("Not a classifier-head artifact.");
        }

        var header = JsonSerializer.Deserialize<Header>(reader.ReadString(), HeaderJson.Options)
            ?? throw new InvalidDataException("The artifact's header is empty.");
        if (header.Format != Format)
        {
            throw new InvalidDataException($"Artifact format {header.Format} is not {Format}.");
        }

        if (header.Members is < 1 or > 64)
        {
            throw new InvalidDataException($"An artifact of {header.Members} members is not plausible.");
        }

        var members = new HeadMember[header.Members];
        for (var m = 0; m < members.Length; m++)
        {
            members[m] = new HeadMember(new Standardiser(FloatBlocks.Read(reader), FloatBlocks.Read(reader)), FloatBlocks.Read(reader));
        }

        var head = new ClassifierHead(header.EmbeddingModelId, header.Labels, header.Dimensions, header.HiddenUnits, members, header.Answers);
        return (head, header.Facts ?? []);
    }

    private sealed record Header(string Format, string EmbeddingModelId, int Dimensions, int HiddenUnits, string[] Labels, int Members, Dictionary<string, string>? Facts, Dictionary<string, string>? Answers);

    private static class HeaderJson
    {
        public static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
    }
}
