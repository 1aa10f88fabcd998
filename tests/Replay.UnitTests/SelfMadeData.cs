namespace SlmPlatform.Replay.UnitTests;

/// <summary>
/// A few records of our own in the layout of BANKING77 and BFCL v4 (header, 77 intents, one JSON question per line with
/// its answers), for the tests that must run where the public data is not beside the repository.
/// </summary>
internal static class SelfMadeData
{
    private static readonly string[] BfclSets = ["simple_python", "multiple", "parallel", "parallel_multiple", "live_simple", "irrelevance"];

    public static string Write(string folder)
    {
        var banking77 = Directory.CreateDirectory(Path.Combine(folder, "banking77")).FullName;
        File.WriteAllText(Path.Combine(banking77, "categories.json"), JsonSerializer.Serialize(Enumerable.Range(1, 77).Select(i => $"intent_{i}")));
        var rows = "text,category\nMy parcel of new cards was sent to my old flat,intent_1\n\"Why, after a week, is the transfer still pending?\",intent_2\n";
        File.WriteAllText(Path.Combine(banking77, "train.csv"), rows);
        File.WriteAllText(Path.Combine(banking77, "test.csv"), rows);
        File.WriteAllText(Path.Combine(banking77, "LICENSE"), "self-made test data\n");

        var bfcl = Directory.CreateDirectory(Path.Combine(folder, "bfcl")).FullName;
        var answers = Directory.CreateDirectory(Path.Combine(bfcl, "possible_answer")).FullName;
        foreach (var set in BfclSets)
        {
            var question = new
            {
                id = $"{set}_0",
                question = new[] { new[] { new { role = "user", content = "How long does a 40 km ride take at 20 km/h?" } } },
                function = new[]
                {
                    new
                    {
                        name = "ride_time",
                        description = "Hours a ride takes.",
                        parameters = new { type = "dict", properties = new { distance = new { type = "float" }, speed = new { type = "float" } }, required = new[] { "distance", "speed" } },
                    },
                },
            };
            File.WriteAllText(Path.Combine(bfcl, $"BFCL_v4_{set}.json"), JsonSerializer.Serialize(question) + "\n");
            if (set != "irrelevance")
            {
                var answer = new { id = $"{set}_0", ground_truth = new[] { new { ride_time = new { distance = new[] { 40.0 }, speed = new[] { 20.0 } } } } };
                File.WriteAllText(Path.Combine(answers, $"BFCL_v4_{set}.json"), JsonSerializer.Serialize(answer) + "\n");
            }
        }

        File.WriteAllText(Path.Combine(bfcl, "LICENSE"), "self-made test data\n");
        return folder;
    }
}
