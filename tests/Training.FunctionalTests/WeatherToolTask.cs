using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>
/// A tool-call task as scrubbed calls: the user asks about a city's weather or time, the teacher calls
/// <c>get_weather</c> or <c>get_time</c> with the city. Neither CPU trainer can answer with tool calls: only a catalog
/// model fine-tuned on the GPU trainer can take it.
/// </summary>
internal static class WeatherToolTask
{
    private static readonly string[] Cities =
    [
        "Paris", "Lyon", "Berlin", "Munich", "Madrid", "Seville", "Rome", "Milan", "Vienna", "Prague", "Warsaw", "Oslo", "Dublin",
        "Lisbon", "Porto", "Athens", "Helsinki", "Zurich", "Geneva", "Brussels", "Antwerp", "Krakow", "Riga", "Tallinn",
    ];

    private static readonly JsonElement Tools = JsonSerializer.SerializeToElement(new object[]
    {
        Tool("get_weather", "The weather in a city now."),
        Tool("get_time", "The local time in a city."),
    });

    public static IEnumerable<SourceCall> Calls(string run, int count)
    {
        string[] weather = ["What is the weather in {0}?", "Is it raining in {0} right now?", "How warm is it in {0} today?", "Do I need an umbrella in {0}?", "Weather report for {0}, please"];
        string[] time = ["What time is it in {0}?", "Tell me the local time in {0}", "Is it night in {0} now?", "What hour is it over in {0}?", "Current time for {0}, please"];
        for (var i = 0; i < count; i++)
        {
            var city = Cities[i % Cities.Length];
            var asksWeather = i / Cities.Length % 2 == 0;
            var templates = asksWeather ? weather : time;
            var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, templates[i / (Cities.Length * 2) % templates.Length], city);
            var messages = JsonSerializer.SerializeToElement(new object[] { new { role = "system", content = "Use the tools." }, new { role = "user", content = text } });
            var call = new { id = $"call_{i}", type = "function", function = new { name = asksWeather ? "get_weather" : "get_time", arguments = JsonSerializer.Serialize(new { city }) } };
            var response = JsonSerializer.SerializeToElement(new { choices = new[] { new { message = new { role = "assistant", content = (string?)null, tool_calls = new[] { call } } } } });
            yield return new SourceCall($"{run}-{i:0000}", messages, Tools, response, "success", null);
        }
    }

    private static object Tool(string name, string description) => new
    {
        type = "function",
        function = new { name, description, parameters = new { type = "object", properties = new { city = new { type = "string" } }, required = new[] { "city" } } },
    };
}
