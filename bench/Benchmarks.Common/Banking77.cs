using System.Text;

namespace SlmPlatform.Benchmarks;

/// <summary>BANKING77 (PolyAI, CC-BY-4.0): <c>text,category</c> CSV (RFC 4180: quoted fields may hold commas,
/// doubled quotes and line breaks; a few texts start with a line break).</summary>
public sealed record Banking77(string[] Texts, int[] Labels, string[] Categories)
{
    public static Banking77 Load(string path)
    {
        var texts = new List<string>();
        var labels = new List<int>();
        var categories = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in Records(File.ReadAllText(path)).Skip(1))
        {
            if (record.Count != 2)
            {
                continue;
            }

            texts.Add(record[0]);
            if (!categories.TryGetValue(record[1], out var label))
            {
                categories[record[1]] = label = categories.Count;
            }

            labels.Add(label);
        }

        return new Banking77([.. texts], [.. labels], [.. categories.OrderBy(c => c.Value).Select(c => c.Key)]);
    }

    private static IEnumerable<List<string>> Records(string csv)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                yield return fields;
                fields = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return fields;
        }
    }
}
