namespace SlmPlatform.Training.Apis;

/// <summary>Checks a fine-tune request field by field; the errors are keyed by the JSON field names.</summary>
public static class FineTuneRequestValidator
{
    public static readonly string[] Kinds = ["auto", "classifier-head", "generative"];
    private const int MaxKeyLength = 200;

    /// <summary>The errors of a request, keyed by field; <paramref name="modelIds"/> are the catalog's models, which a job
    /// may name as its kind (a LoRA fine-tune on the GPU trainer).</summary>
    public static Dictionary<string, string[]> Validate(FineTuneRequest? request, string? idempotencyKey, IReadOnlyCollection<string>? modelIds = null)
    {
        modelIds ??= [];
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request is null)
        {
            errors["body"] = ["A JSON object is required."];
            return errors;
        }

        if (request.TaskId is null || request.TaskId == Guid.Empty)
        {
            errors["task_id"] = ["Is required: the id of a task from the tasks service."];
        }

        var lora = request.Kind is { } kind && modelIds.Contains(kind);
        if (request.Kind is not null && !Kinds.Contains(request.Kind) && !lora)
        {
            errors["kind"] = [$"Must be one of: {string.Join(", ", Kinds)}" + (modelIds.Count == 0 ? "." : $", or a catalog model: {string.Join(", ", modelIds)}.")];
        }

        if (request.ClientJobId is { } clientJobId && (clientJobId.Length is 0 or > MaxKeyLength))
        {
            errors["client_job_id"] = [$"Must be 1 to {MaxKeyLength} characters."];
        }

        if (idempotencyKey is { } key && (key.Length is 0 or > MaxKeyLength))
        {
            errors["Idempotency-Key"] = [$"Must be 1 to {MaxKeyLength} characters."];
        }
        else if (idempotencyKey is not null && request.ClientJobId is not null && idempotencyKey != request.ClientJobId)
        {
            errors["client_job_id"] = ["Differs from the Idempotency-Key header; send one of them, or the same value."];
        }

        if (request.TimeLimitSeconds is < 1 or > 7 * 24 * 3600)
        {
            errors["time_limit_seconds"] = ["Must be from 1 to 604800 seconds."];
        }

        if (request.Hyperparameters is { } h)
        {
            HyperparameterLimits.Check(h, errors);
            // An auto job may end up with any trainer, so its overrides must suit them all.
            if (request.Kind != "generative" && !lora)
            {
                Check(errors, "hyperparameters", () => h.ToOptions().Validate());
            }

            if (request.Kind != "classifier-head" && !lora)
            {
                Check(errors, "hyperparameters", () => h.ToGenerativeOptions().Validate());
            }

            if (request.Kind is null or "auto" || lora)
            {
                Check(errors, "hyperparameters", () => h.ToLoraHyperparameters().Validate());
            }
        }

        if (request.Dataset is { } d)
        {
            Check(errors, "dataset", () => d.ToOptions().Validate());
        }

        return errors;
    }

    private static void Check(Dictionary<string, string[]> errors, string field, Action validate)
    {
        try
        {
            validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            errors[$"{field}.{ToSnake(e.ParamName ?? "value")}"] = [e.Message.Split(" (Parameter", 2)[0]];
        }
    }

    private static string ToSnake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
