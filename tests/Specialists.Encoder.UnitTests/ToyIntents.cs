namespace SlmPlatform.Specialists.Encoder.UnitTests;

/// <summary>A small intent task written for these tests: three intents, phrasings to learn from and others held out.</summary>
internal static class ToyIntents
{
    public static readonly string[] Labels = ["set_alarm", "play_music", "check_weather"];

    public static readonly (string Text, int Label)[] Train =
    [
        ("wake me up at seven tomorrow", 0), ("set an alarm for 6 am", 0), ("I need an alarm at noon", 0),
        ("alarm for half past five please", 0), ("can you wake me at eight", 0), ("put an alarm on for 9:15", 0),
        ("play some jazz", 1), ("put on my workout playlist", 1), ("I want to hear the new album", 1),
        ("start the rock radio station", 1), ("play a song by the band", 1), ("some relaxing tunes please", 1),
        ("will it rain today", 2), ("what's the forecast for tomorrow", 2), ("how cold is it outside", 2),
        ("is it going to be sunny this weekend", 2), ("do I need an umbrella", 2), ("temperature in the city now", 2),
    ];

    public static readonly (string Text, int Label)[] HeldOut =
    [
        ("set my alarm for four thirty", 0), ("wake me in the morning at 6", 0),
        ("play the latest hits", 1), ("I feel like listening to classical music", 1),
        ("is it snowing right now", 2), ("what will the weather be like on friday", 2),
    ];
}
