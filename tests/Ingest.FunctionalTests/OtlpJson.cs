using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>Writes recorded activities as an OTLP/HTTP JSON trace export, the way a JSON-encoding exporter would.</summary>
internal static class OtlpJson
{
    public static string Export(IEnumerable<Activity> activities, string serviceName) => new JsonObject
    {
        ["resourceSpans"] = new JsonArray(new JsonObject
        {
            ["resource"] = new JsonObject { ["attributes"] = new JsonArray(Attribute("service.name", serviceName)) },
            ["scopeSpans"] = new JsonArray(new JsonObject
            {
                ["scope"] = new JsonObject { ["name"] = "test" },
                ["spans"] = new JsonArray([.. activities.Select(Span)]),
            }),
        }),
    }.ToJsonString();

    private static JsonObject Span(Activity activity) => new()
    {
        ["traceId"] = activity.TraceId.ToHexString(),
        ["spanId"] = activity.SpanId.ToHexString(),
        ["name"] = activity.DisplayName,
        ["kind"] = 3,
        ["startTimeUnixNano"] = Nanos(activity.StartTimeUtc),
        ["endTimeUnixNano"] = Nanos(activity.StartTimeUtc + activity.Duration),
        ["attributes"] = new JsonArray([.. activity.TagObjects.Where(t => t.Value is not null).Select(t => Attribute(t.Key, t.Value!))]),
        ["status"] = new JsonObject { ["code"] = activity.Status == ActivityStatusCode.Error ? 2 : 0 },
    };

    private static string Nanos(DateTime utc) => ((utc - DateTime.UnixEpoch).Ticks * 100).ToString(CultureInfo.InvariantCulture);

    private static JsonObject Attribute(string key, object value) => new() { ["key"] = key, ["value"] = Value(value) };

    private static JsonObject Value(object value) => value switch
    {
        string text => new JsonObject { ["stringValue"] = text },
        bool flag => new JsonObject { ["boolValue"] = flag },
        int or long => new JsonObject { ["intValue"] = Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture) },
        float or double => new JsonObject { ["doubleValue"] = Convert.ToDouble(value, CultureInfo.InvariantCulture) },
        IEnumerable<string> items => new JsonObject { ["arrayValue"] = new JsonObject { ["values"] = new JsonArray([.. items.Select(i => (JsonNode)new JsonObject { ["stringValue"] = i })]) } },
        _ => new JsonObject { ["stringValue"] = value.ToString() },
    };
}
