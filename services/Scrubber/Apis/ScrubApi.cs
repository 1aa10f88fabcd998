using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Scrubbing;
using SlmPlatform.ServiceDefaults;

namespace SlmPlatform.Scrubber.Apis;

/// <summary>
/// Presidio's analyzer and anonymizer in one call: scrubs a text or a JSON document with the caller's tenant's
/// operators (or one chosen for the request) and says what it found. Nothing is stored or logged.
/// </summary>
public static class ScrubApi
{
    /// <summary>Characters of text, or of serialized JSON, accepted in one request.</summary>
    public const int MaxLength = 1_000_000;

    public static IEndpointRouteBuilder MapScrubApi(this IEndpointRouteBuilder app)
    {
        // Scrubbing a text changes nothing: the read scope.
        app.MapGroup("/api/scrub").WithTags("Scrubbing").RequireAuthorization(ApiScopes.Read)
            .MapPost("", Scrub)
            .WithName("Scrub")
            .WithSummary("Scrub a text or a JSON document and list the entities found (offsets for text)")
            .WithRequestExample("""{"text": "Please call Maria Jansen on +31 6 1234 5678 about invoice 4471."}""");

        return app;
    }

    public static Results<Ok<ScrubResponse>, ValidationProblem> Scrub(ScrubRequest? request, ClaimsPrincipal user, JsonScrubber scrubber)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var hasText = request?.Text is not null;
        var hasJson = request?.Json is { ValueKind: not JsonValueKind.Undefined };
        if (hasText == hasJson)
        {
            errors[hasText ? "json" : "text"] = ["Give either 'text' (a string) or 'json' (any JSON value), not both."];
        }
        else if (hasText && request!.Text!.Length > MaxLength)
        {
            errors["text"] = [$"At most {MaxLength} characters."];
        }
        else if (hasJson && request!.Json!.Value.GetRawText().Length > MaxLength)
        {
            errors["json"] = [$"At most {MaxLength} characters once serialized."];
        }

        ScrubOperator? chosen = null;
        if (request?.Operator is { } name)
        {
            if (TryParseOperator(name, out var parsed))
            {
                chosen = parsed;
            }
            else
            {
                errors["operator"] = [$"Must be one of: {string.Join(", ", Enum.GetNames<ScrubOperator>().Select(n => n.ToLowerInvariant()))}."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var tenant = user.GetTenantId();
        if (hasText)
        {
            var scrubbed = scrubber.ScrubText(request!.Text!, tenant, chosen);
            var entities = scrubbed.Entities.Select(e => new FoundEntity(e.EntityType, e.Start, e.End, e.Score)).ToList();
            var counts = entities.GroupBy(e => e.Type, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            return TypedResults.Ok(new ScrubResponse(scrubbed.Text, null, entities, counts));
        }

        var document = scrubber.Scrub(JsonNode.Parse(request!.Json!.Value.GetRawText()), tenant, chosen);
        var json = JsonSerializer.SerializeToElement(document.Document);
        return TypedResults.Ok(new ScrubResponse(null, json, null, document.Replacements));
    }

    // Names only: Enum.TryParse would also take "1" or "0, 3".
    private static bool TryParseOperator(string name, out ScrubOperator value)
    {
        value = default;
        return name.Length > 0 && name.All(char.IsAsciiLetter) && Enum.TryParse(name, ignoreCase: true, out value);
    }
}
