using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// The dataset's own file: one compact JSON object per example, in a fixed order (split, then call id), with
/// property order fixed by the writer. Its SHA-256 is the dataset's content hash.
/// </summary>
public static class CanonicalJsonl
{
    public static byte[] Write(IEnumerable<DatasetExample> examples)
    {
        using var stream = new MemoryStream();
        foreach (var example in Order(examples))
        {
            using (var writer = new Utf8JsonWriter(stream))
            {
                writer.WriteStartObject();
                writer.WriteString("call_id", example.CallId);
                writer.WriteString("split", example.Split);
                writer.WriteString("class", example.ClassKey);
                if (example.Label is { } label)
                {
                    writer.WriteString("label", label);
                }

                writer.WritePropertyName("messages");
                example.Messages.WriteTo(writer);
                if (example.Tools is { } tools)
                {
                    writer.WritePropertyName("tools");
                    tools.WriteTo(writer);
                }

                writer.WritePropertyName("answer");
                example.Answer.WriteTo(writer);
                writer.WriteEndObject();
            }

            stream.WriteByte((byte)'\n');
        }

        return stream.ToArray();
    }

    public static IReadOnlyList<DatasetExample> Read(Stream stream)
    {
        var examples = new List<DatasetExample>();
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var root = JsonDocument.Parse(line).RootElement;
            examples.Add(new DatasetExample(
                root.GetProperty("call_id").GetString()!, root.GetProperty("messages"),
                root.TryGetProperty("tools", out var tools) ? tools : null, root.GetProperty("answer"),
                root.GetProperty("class").GetString()!, root.TryGetProperty("label", out var label) ? label.GetString() : null,
                root.GetProperty("split").GetString()!));
        }

        return examples;
    }

    public static string Hash(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    public static IEnumerable<DatasetExample> Order(IEnumerable<DatasetExample> examples) =>
        examples.OrderBy(e => SplitRank(e.Split)).ThenBy(e => e.CallId, StringComparer.Ordinal);

    private static int SplitRank(string split) => split switch
    {
        DatasetExample.Train => 0,
        DatasetExample.Validation => 1,
        _ => 2,
    };
}
