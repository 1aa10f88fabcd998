using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Ingest.Infrastructure;

namespace SlmPlatform.Ingest.Apis;

/// <summary>
/// OTLP/HTTP trace export (JSON encoding) at the standard path, so an OpenTelemetry exporter or collector can send
/// GenAI spans here with <c>Authorization: Bearer &lt;api key&gt;</c> as a header. Chat spans become calls; other
/// spans are ignored; chat spans that cannot be used are reported in OTLP's <c>partialSuccess</c>.
/// </summary>
public static class OtlpTracesApi
{
    public static IEndpointRouteBuilder MapOtlpTracesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/traces", ExportTraces)
            .WithTags("Ingest")
            .WithName("ExportTraces")
            .WithSummary("OTLP/HTTP JSON trace export: GenAI chat spans (gen_ai.* conventions) are recorded as calls")
            .RequireAuthorization(ApiScopes.Capture).RequireRateLimiting(TenantRateLimits.PolicyName);
        return app;
    }

    public static async Task<Results<Ok<OtlpExportResponse>, ValidationProblem, ProblemHttpResult>> ExportTraces(
        HttpRequest request,
        ClaimsPrincipal user,
        CallPublisher publisher,
        DailyCallQuota quota,
        IOptions<IngestOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return IngestProblems.UnsupportedMediaType("application/json: only the JSON encoding of OTLP/HTTP is accepted; configure the exporter or collector for JSON");
        }

        var body = await request.ReadBoundedBodyAsync(options.Value.MaxBatchBytes, cancellationToken);
        if (body.Result is ProblemHttpResult problem)
        {
            return problem;
        }

        var errors = new FieldErrors();
        using var document = JsonBody.TryParse(((Ok<byte[]>)body.Result).Value!, errors);
        if (document is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["resourceSpans"] = ["An OTLP ExportTraceServiceRequest is a JSON object holding resourceSpans."],
            });
        }

        var calls = new List<CallRecord>();
        var rejected = new List<string>();
        var receivedAt = time.GetUtcNow();
        foreach (var span in OtlpGenAiSpans.Read(document.RootElement).Where(s => s.Record is not null || s.Skipped != OtlpSkip.NotChat))
        {
            if (span.Record is null)
            {
                rejected.Add($"span {span.SpanId}: {span.Skipped}");
                continue;
            }

            var spanErrors = new FieldErrors();
            using var recordJson = JsonBody.TryParse(JsonSerializer.SerializeToUtf8Bytes(span.Record), spanErrors);
            var parsed = recordJson is null ? CallParseResult.Invalid(spanErrors) : CallRecordParser.Parse(recordJson.RootElement.Clone(), receivedAt);
            if (parsed.Record is { } record)
            {
                calls.Add(record with { Source = CallRecordFormat.OpenTelemetry });
            }
            else
            {
                rejected.Add($"span {span.SpanId}: invalid {string.Join(", ", parsed.Errors.Keys)}");
            }
        }

        // OTLP exporters retry a 429 or 503 after Retry-After; span ids make the retry land once.
        if (await quota.PublishWithinQuotaAsync(
                request.HttpContext, user, calls.Count, () => publisher.PublishAllAsync(user.GetTenantId(), calls, cancellationToken),
                options.Value, "Send the export again.", cancellationToken) is { } refused)
        {
            return refused;
        }

        return TypedResults.Ok(new OtlpExportResponse(rejected.Count == 0
            ? null
            : new OtlpPartialSuccess(rejected.Count, string.Join("; ", rejected.Take(10)))));
    }
}
