using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SlmPlatform.ApiKeys;
using SlmPlatform.Gateway.Infrastructure;
using SlmPlatform.Gateway.Routing;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Gateway.Apis;

/// <summary>
/// The OpenAI-compatible surface agents point their base URL at. Calls go on to the tenant's upstream unchanged and
/// are captured once complete; the gateway adds <c>x-slm-overhead-duration-ms</c> (its own time) and
/// <c>x-slm-call-id</c> (the captured call's id).
/// </summary>
public static class OpenAiApi
{
    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/v1").WithTags("OpenAI-compatible").RequireAuthorization(ApiScopes.Capture).RequireRateLimiting(TenantRateLimits.PolicyName);

        api.MapPost("/chat/completions", ChatCompletions)
            .WithName("CreateChatCompletion")
            .WithSummary("Chat completions (also with stream: true), relayed to the upstream and captured")
            .WithRequestExample("""
                {"model": "gpt-4o", "messages": [
                  {"role": "system", "content": "Name the intent of the customer's message."},
                  {"role": "user", "content": "The replacement card you posted on Monday is still not here."}]}
                """);

        api.MapGet("/models", Models)
            .WithName("ListModels")
            .WithSummary("The upstream's models");

        return app;
    }

    public static async Task ChatCompletions(
        HttpContext context, ClaimsPrincipal user, UpstreamRelay relay, SpecialistRouter router, DailyCallQuota quota, IOptions<GatewayOptions> options)
    {
        var started = Stopwatch.GetTimestamp();
        if (!context.Request.HasJsonContentType())
        {
            // Relayed as JSON to the upstream and captured as JSON: a body that says it is something else is refused.
            await GatewayProblem.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the request as application/json, as the OpenAI API takes it.", "invalid_request_error").ExecuteAsync(context);
            return;
        }

        var body = await context.Request.ReadBoundedBodyAsync(options.Value.MaxRequestBytes, context.RequestAborted);
        if (body.Result is ProblemHttpResult problem)
        {
            await problem.ExecuteAsync(context);
            return;
        }

        var bytes = ((Ok<byte[]>)body.Result).Value!;
        using var request = ChatRequest.TryParse(bytes);
        if (request is null)
        {
            await GatewayProblem.Create(StatusCodes.Status400BadRequest, "Invalid request", ChatRequest.RefusalOf(bytes), "invalid_request_error")
                .ExecuteAsync(context);
            return;
        }

        // After the checks of the request itself: a malformed request does not use up the quota.
        if (await quota.TryTakeAsync(user, 1, context.RequestAborted) is { } refusal)
        {
            // OpenAI's own answer to a spent quota: 429 with the type agents' SDKs know not to retry at once.
            context.Response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            await GatewayProblem.Create(StatusCodes.Status429TooManyRequests, "Daily quota used up", refusal.Detail, "insufficient_quota").ExecuteAsync(context);
            return;
        }

        var callSite = CallSite.From(context.Request.Headers, request.Json);
        var decision = await router.RouteAsync(context, user.GetTenantId(), callSite, request, started);
        if (decision.IsAnswered)
        {
            return;
        }

        TeacherAnswer? answer = null;
        try
        {
            answer = await relay.RelayChatAsync(context, user.GetTenantId(), callSite, request, started);
        }
        finally
        {
            // Always, so that a shadow comparison never waits for an answer that is not coming.
            decision.TeacherAnswered(answer);
        }
    }

    public static Task Models(HttpContext context, ClaimsPrincipal user, UpstreamRelay relay) =>
        relay.RelayModelsAsync(context, user.GetTenantId(), Stopwatch.GetTimestamp());
}
