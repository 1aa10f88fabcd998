using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

/// <summary>One pass over one document: scrubs values in place and counts what it replaced.</summary>
/// <param name="textScrubber">Finds the entities.</param>
/// <param name="replacement">The document's operator; null for the text scrubber's own.</param>
internal sealed class JsonScrubbingWalk(TextScrubber textScrubber, IReplacementOperator? replacement)
{
    // Relaxed escaping keeps placeholders readable ("<EMAIL_ADDRESS>", not "\u003CEMAIL_ADDRESS\u003E") in
    // re-serialized embedded JSON; the result is stored and parsed as JSON, never written into HTML.
    private static readonly JsonSerializerOptions EmbeddedJsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<ReplacedValue> _values = [];

    public IReadOnlyDictionary<string, int> Counts => _counts;

    /// <summary>Where the stand-ins sit in the plain string values this walk changed, by each value's path.</summary>
    public IReadOnlyList<ReplacedValue> Values => _values;

    /// <summary>Scrubs a node and returns what should stand in its place: the same node unless it is a value that changed.</summary>
    /// <param name="node">The node to scrub; objects and arrays are changed in place.</param>
    /// <param name="key">The property the node sits under; for an array element, the array's property.</param>
    /// <param name="honourStructuralFields">
    /// False inside tool-call arguments and JSON held in strings: their keys are chosen by a model or a tool, so an
    /// "id" there can hold anything.
    /// </param>
    public JsonNode? Visit(JsonNode? node, string? key, bool honourStructuralFields) => node switch
    {
        JsonObject obj => VisitObject(obj, key, honourStructuralFields),
        JsonArray array => VisitArray(array, key, honourStructuralFields),
        JsonValue value => VisitValue(value, key),
        _ => node,
    };

    private JsonObject VisitObject(JsonObject obj, string? key, bool honourStructuralFields)
    {
        foreach (var (name, child) in obj.ToList())
        {
            if (honourStructuralFields && child is JsonValue && StructuralFields.IsStructural(obj, name, key))
            {
                continue;
            }

            var replacement = Visit(child, name, honourStructuralFields && name != "arguments");
            if (!ReferenceEquals(replacement, child))
            {
                obj[name] = replacement;
            }
        }

        return obj;
    }

    private JsonArray VisitArray(JsonArray array, string? key, bool honourStructuralFields)
    {
        for (var i = 0; i < array.Count; i++)
        {
            var child = array[i];
            var replacement = Visit(child, key, honourStructuralFields);
            if (!ReferenceEquals(replacement, child))
            {
                array[i] = replacement;
            }
        }

        return array;
    }

    private JsonNode? VisitValue(JsonValue value, string? key)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                // A node built in code may hold a DateTime or Guid that serializes as a string; read its JSON form.
                var text = value.TryGetValue<string>(out var held) ? held : JsonSerializer.Deserialize<string>(value.ToJsonString())!;
                if (TryScrubEmbeddedJson(text, out var json))
                {
                    return ReferenceEquals(json, text) ? value : JsonValue.Create(json);
                }

                var scrubbed = ScrubText(text, FieldHint(key, text));
                if (scrubbed.Entities.Count == 0)
                {
                    return value;
                }

                _values.Add(new ReplacedValue(value.GetPath(), scrubbed.Replaced));
                return JsonValue.Create(scrubbed.Text);

            case JsonValueKind.Number:
                // A card or phone number stored as a JSON number: a surrogate made of digits stays a number; a
                // placeholder, mask or hash turns the field into a string, as nothing numeric could stand in for it.
                var digits = ScrubText(value.ToJsonString(), hint: null);
                if (digits.Entities.Count == 0)
                {
                    return value;
                }

                return IsJsonNumber(digits.Text) ? JsonNode.Parse(digits.Text) : JsonValue.Create(digits.Text);

            case JsonValueKind.Object or JsonValueKind.Array:
                // A JsonValue wrapping a CLR object (built in code, not parsed): walk its JSON form instead.
                return Visit(JsonNode.Parse(value.ToJsonString()), key: null, honourStructuralFields: false);

            default:
                return value;
        }
    }

    // Tool-call arguments arrive as JSON inside a string. Scrubbing the parsed form keeps the string valid JSON
    // with its types; scrubbing the raw string could cut through quotes and escapes.
    private bool TryScrubEmbeddedJson(string text, out string result)
    {
        result = text;
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.IsEmpty || (trimmed[0] != '{' && trimmed[0] != '['))
        {
            return false;
        }

        // A separate walk, so that a document that fails half-way adds nothing to the counts.
        var inner = new JsonScrubbingWalk(textScrubber, replacement);
        JsonNode? scrubbed;
        try
        {
            scrubbed = inner.Visit(JsonNode.Parse(text), key: null, honourStructuralFields: false);
        }
        catch (Exception e) when (e is JsonException or ArgumentException or InvalidOperationException)
        {
            // Not JSON after all (or JSON that System.Text.Json refuses, such as duplicate keys): plain text.
            return false;
        }

        foreach (var (type, count) in inner.Counts)
        {
            Add(type, count);
        }

        // Unchanged documents keep their original formatting.
        if (inner.Counts.Count > 0)
        {
            result = scrubbed?.ToJsonString(EmbeddedJsonOptions) ?? "null";
        }

        return true;
    }

    // "customer_name": "Ilse Vandewiele" — a property's name says what its value is, where nothing in two words
    // would: the whole value is one entity of that type when it has the type's shape.
    private static EntityMatch? FieldHint(string? key, string text)
    {
        var type = key is null ? null : FieldLabels.Classify(key);
        if (type is null || !FieldValues.Fits(type, text))
        {
            return null;
        }

        var start = text.Length - text.AsSpan().TrimStart().Length;
        return new EntityMatch(type, start, text.AsSpan().Trim().Length, LabelledFieldRecognizer.Score);
    }

    private ScrubbedText ScrubText(string text, EntityMatch? hint) =>
        CountFound(textScrubber.Scrub(text, replacement ?? textScrubber.Operator, hint));

    private ScrubbedText CountFound(ScrubbedText scrubbed)
    {
        foreach (var entity in scrubbed.Entities)
        {
            Add(entity.EntityType, 1);
        }

        return scrubbed;
    }

    private static bool IsJsonNumber(string text) =>
        text.Length is > 0 and <= 30 && text[0] != '0' && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0;

    private void Add(string entityType, int count) =>
        _counts[entityType] = _counts.GetValueOrDefault(entityType) + count;
}
