using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Ingest.Infrastructure;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Ingest.Apis;

/// <summary>
/// Recorded LLM calls from agents: one at a time or in batches. A 202 means RabbitMQ has confirmed every accepted call;
/// anything the broker did not confirm is answered with 503 and Retry-After, never dropped in silence.
/// </summary>
public static class CallIngestApi
{
    private const string NdjsonMediaType = "application/x-ndjson";

    private const string ExampleCall = """
        {"id": "call-0001", "agent": "support-bot", "workload": "route-intent",
         "request": {"model": "gpt-4o", "messages": [
           {"role": "system", "content": "Name the intent of the customer's message."},
           {"role": "user", "content": "The replacement card you posted on Monday is still not here."}]},
         "response": {"choices": [{"message": {"role": "assistant", "content": "card_delivery"}}],
                      "usage": {"prompt_tokens": 34, "completion_tokens": 3}}}
        """;

    // Content types are checked in the handlers, after authentication, so that a refusal can say what was expected.
    public static IEndpointRouteBuilder MapCallIngestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1/calls").WithTags("Ingest").RequireAuthorization(ApiScopes.Capture).RequireRateLimiting(TenantRateLimits.PolicyName);

        api.MapPost("", IngestCall)
            .WithName("IngestCall")
            .WithSummary("Record one LLM call (platform or Data Flywheel format)")
            .WithRequestExample(ExampleCall);

        api.MapPost("/batch", IngestBatch)
            .WithName("IngestCallBatch")
            .WithSummary("Record many LLM calls: a JSON array, or NDJSON with Content-Type application/x-ndjson")
            .WithRequestExample($"[{ExampleCall}]");

        return app;
    }

    public static async Task<Results<Accepted<CallAccepted>, ValidationProblem, ProblemHttpResult>> IngestCall(
        HttpRequest request,
        ClaimsPrincipal user,
        CallPublisher publisher,
        DailyCallQuota quota,
        IOptions<IngestOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (!IsJson(request.ContentType))
        {
            return IngestProblems.UnsupportedMediaType("application/json");
        }

        var body = await request.ReadBoundedBodyAsync(options.Value.MaxCallBytes, cancellationToken);
        if (body.Result is ProblemHttpResult problem)
        {
            return problem;
        }

        var errors = new FieldErrors();
        using var document = JsonBody.TryParse(((Ok<byte[]>)body.Result).Value, errors);
        if (document is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var parsed = CallRecordParser.Parse(document.RootElement, time.GetUtcNow());
        if (parsed.Record is not { } record)
        {
            return TypedResults.ValidationProblem(parsed.Errors);
        }

        return await quota.PublishWithinQuotaAsync(
                request.HttpContext, user, 1, () => publisher.PublishAsync(user.GetTenantId(), record, cancellationToken),
                options.Value, "The call was not recorded; send it again.", cancellationToken) is { } refused
            ? refused
            : TypedResults.Accepted((string?)null, new CallAccepted(record.Id));
    }

    public static async Task<Results<Accepted<BatchAccepted>, ValidationProblem, ProblemHttpResult>> IngestBatch(
        HttpRequest request,
        ClaimsPrincipal user,
        CallPublisher publisher,
        DailyCallQuota quota,
        IOptions<IngestOptions> options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var isNdjson = request.ContentType?.StartsWith(NdjsonMediaType, StringComparison.OrdinalIgnoreCase) == true;
        if (!isNdjson && !IsJson(request.ContentType))
        {
            return IngestProblems.UnsupportedMediaType($"application/json or {NdjsonMediaType}");
        }

        var body = await request.ReadBoundedBodyAsync(options.Value.MaxBatchBytes, cancellationToken);
        if (body.Result is ProblemHttpResult problem)
        {
            return problem;
        }

        using var batch = CallBatch.Parse(((Ok<byte[]>)body.Result).Value, isNdjson, options.Value.MaxBatchItems, time.GetUtcNow());
        if (batch.Error is { } error)
        {
            return batch.TooManyItems
                ? TypedResults.Problem(title: "Batch too large", detail: error.ToDictionary()["$"][0], statusCode: StatusCodes.Status413PayloadTooLarge)
                : TypedResults.ValidationProblem(error.ToDictionary());
        }

        var accepted = batch.Items.Where(i => i.Result.Record is not null).Select(i => new AcceptedItem(i.Index, i.Result.Record!.Id)).ToList();
        var rejected = batch.Items.Where(i => i.Result.Record is null).Select(i => new RejectedItem(i.Index, i.Result.Errors)).ToList();
        if (accepted.Count == 0)
        {
            return TypedResults.ValidationProblem(
                rejected.SelectMany(r => r.Errors.Select(e => ($"[{r.Index}].{e.Key}", e.Value))).ToDictionary(e => e.Item1, e => e.Value),
                detail: "No call record in the batch is valid.");
        }

        // Ids make a repeated batch safe: what did reach the broker is stored once.
        return await quota.PublishWithinQuotaAsync(
                request.HttpContext, user, accepted.Count,
                () => publisher.PublishAllAsync(user.GetTenantId(), batch.Items.Select(i => i.Result.Record).OfType<CallRecord>(), cancellationToken),
                options.Value, "Part or all of the batch was not recorded; send the whole batch again.", cancellationToken) is { } refused
            ? refused
            : TypedResults.Accepted((string?)null, new BatchAccepted(accepted, rejected));
    }

    private static bool IsJson(string? contentType) =>
        string.IsNullOrEmpty(contentType)
        || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
        || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase);
}
