using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using SlmPlatform.ApiKeys;
using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Runtimes;

namespace SlmPlatform.Serving.Apis;

/// <summary>What both APIs do with a request: check it, find the tenant's specialist, and have it answer.</summary>
public static class SpecialistRequests
{
    public static async Task<(SpecialistAnswer? Answer, ISpecialist? Specialist, IResult? Refusal)> AnswerAsync(
        string? model, IReadOnlyList<ChatTurn>? messages, ClaimsPrincipal user, LoadedSpecialists specialists, CancellationToken cancellationToken)
    {
        if (Validate(model, messages) is { } invalid)
        {
            return (null, null, invalid);
        }

        if (!ModelNames.TryParse(model, out var modelId))
        {
            return (null, null, NotFound(model!));
        }

        try
        {
            var specialist = await specialists.GetAsync(user.GetTenantId(), modelId, cancellationToken);
            if (specialist is null)
            {
                return (null, null, NotFound(model!));
            }

            return (await specialist.AnswerAsync(messages!, cancellationToken), specialist, null);
        }
        catch (SpecialistUnavailableException e)
        {
            return (null, null, TypedResults.Problem(e.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Specialist unavailable"));
        }
    }

    /// <summary>The request's own mistakes, named by field; null when it is fit to answer.</summary>
    public static ValidationProblem? Validate(string? model, IReadOnlyList<ChatTurn>? messages)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(model))
        {
            errors["model"] = ["Name the specialist to use (its model id)."];
        }

        if (messages is not { Count: > 0 } || messages.Any(m => string.IsNullOrEmpty(m.Role)))
        {
            errors["messages"] = ["Give at least one message, each with a role."];
        }
        else if (!messages.Any(m => m.Role == "user"))
        {
            errors["messages"] = ["Give a user message for the specialist to answer."];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    private static ProblemHttpResult NotFound(string model) =>
        TypedResults.Problem($"Model '{model}' not found.", statusCode: StatusCodes.Status404NotFound, title: "Not Found");
}
