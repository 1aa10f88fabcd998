using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// A toy JSON task for the generative trainer, as scrubbed calls: the user names a fruit among random filler letters,
/// the teacher answers <c>{"colour": "…"}</c>. No label (the answer is treated as free JSON), learnable by a very small
/// model in seconds, impossible to answer without learning which word matters.
/// </summary>
internal static class FruitTask
{
    public static readonly IReadOnlyDictionary<string, string> Colours = new Dictionary<string, string>
    {
        ["apple"] = "red", ["banana"] = "yellow", ["lime"] = "green", ["plum"] = "purple",
        ["orange"] = "orange", ["cherry"] = "red", ["kiwi"] = "brown", ["grape"] = "green",
    };

    public static string Answer(string fruit) => $"{{\"colour\": \"{Colours[fruit]}\"}}";

    public static IEnumerable<SourceCall> Calls(string run, int count, int seed)
    {
        var random = new Random(seed);
        var fruits = Colours.Keys.ToArray();
        string Filler() => new([.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => (char)('a' + random.Next(26)))]);
        for (var i = 0; i < count; i++)
        {
            var fruit = fruits[random.Next(fruits.Length)];
            var messages = JsonSerializer.SerializeToElement(new object[]
            {
                new { role = "system", content = "Give the fruit's colour as JSON." },
                new { role = "user", content = $"{Filler()} {fruit} {Filler()}" },
            });
            var response = JsonSerializer.SerializeToElement(new { choices = new[] { new { message = new { role = "assistant", content = Answer(fruit) } } } });
            yield return new SourceCall($"{run}-{i:0000}", messages, null, response, "success", null);
        }
    }
}
