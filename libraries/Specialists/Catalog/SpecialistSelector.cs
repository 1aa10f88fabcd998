namespace SlmPlatform.Specialists.Catalog;

/// <summary>One candidate the selector weighed, with the reasons it is or is not eligible.</summary>
public sealed record SelectionCandidate(string Kind, string Id, double RelativeCost, bool Eligible, IReadOnlyList<string> Reasons);

/// <summary>The chosen candidate (null when none fits), every candidate weighed in order of cost, and a one-paragraph explanation.</summary>
public sealed record Selection(string CatalogVersion, string OutputForm, SelectionCandidate? Choice, IReadOnlyList<SelectionCandidate> Considered, string Explanation);

/// <summary>
/// Picks the cheapest specialist expected to reach parity with the teacher on a task: the catalog's embedded kinds
/// and small models ordered by relative cost per call, each checked against the task's output form, volume and
/// sizes and the deployment's constraints; the first that passes every check is chosen.
/// </summary>
public sealed class SpecialistSelector(ModelCatalog catalog)
{
    /// <summary>A LoRA fine-tune below this many examples is not expected to reach parity.</summary>
    public const int MinExamplesForLora = 200;

    public Selection Select(TaskProfile task, SelectionConstraints? constraints = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        constraints ??= new SelectionConstraints();
        var form = task.OutputForm;
        var considered = catalog.SpecialistKinds.Select(k => Check(k, task, form))
            .Concat(catalog.Models.Select(m => Check(m, task, form, constraints)))
            .OrderBy(c => c.RelativeCost).ThenBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
        var choice = considered.FirstOrDefault(c => c.Eligible);
        var cheaper = choice is null ? considered : considered.TakeWhile(c => c != choice).ToList();
        var explanation = choice is null
            ? $"No candidate fits this {Describe(task, form)}; keep the teacher. " + string.Join(" ", cheaper.Take(3).Select(c => $"{c.Id}: {string.Join("; ", c.Reasons)}."))
            : $"Chose {choice.Id} (relative cost {choice.RelativeCost:0.###}) for this {Describe(task, form)}: {string.Join("; ", choice.Reasons)}."
              + (cheaper.Count == 0 ? " It is the cheapest candidate." : " Cheaper candidates ruled out: " + string.Join(" ", cheaper.Select(c => $"{c.Id}: {string.Join("; ", c.Reasons)}.")));
        return new Selection(catalog.Version, form, choice, considered, explanation);
    }

    private static SelectionCandidate Check(SpecialistKind kind, TaskProfile task, string form)
    {
        var checks = new Checks();
        checks.Rule(kind.Available, "available", kind.UnavailableReason ?? "not available");
        checks.Rule(kind.OutputForms.Contains(form), $"answers {form}", $"cannot answer {form} (only {string.Join(", ", kind.OutputForms)})");
        checks.Rule(task.Examples >= kind.MinExamples, $"{task.Examples} examples ≥ {kind.MinExamples}", $"{task.Examples} examples < {kind.MinExamples} needed");
        if (form == OutputForms.LabelSet && kind.MaxLabels is { } maxLabels)
        {
            checks.Rule(task.DistinctLabels <= maxLabels, $"{task.DistinctLabels} labels ≤ {maxLabels}", $"{task.DistinctLabels} labels > {maxLabels}");
        }

        if (form == OutputForms.LabelSet && kind.MinExamplesPerLabel is { } perLabel)
        {
            var mean = task.DistinctLabels == 0 ? 0 : (double)task.Examples / task.DistinctLabels;
            checks.Rule(mean >= perLabel, $"{mean:0} examples per label ≥ {perLabel}", $"{mean:0} examples per label < {perLabel}");
        }

        if (kind.MaxOutputTokens is { } maxOut && task.OutputTokensP95 is { } outTokens)
        {
            checks.Rule(outTokens <= maxOut, $"answers of {outTokens} tokens fit {maxOut}", $"answers of {outTokens} tokens (p95) exceed {maxOut}");
        }

        return new SelectionCandidate("specialist", kind.Id, kind.RelativeCost, checks.Passed, checks.Reasons);
    }

    private static SelectionCandidate Check(CatalogModel model, TaskProfile task, string form, SelectionConstraints constraints)
    {
        var checks = new Checks();
        checks.Rule(constraints.GpuAvailable, $"QLoRA on a GPU node (~{model.TrainingGpuGb:0} GB)", $"fine-tuning needs a GPU node (~{model.TrainingGpuGb:0} GB) and none is configured");
        checks.Rule(task.Examples >= MinExamplesForLora, $"{task.Examples} examples ≥ {MinExamplesForLora}", $"{task.Examples} examples < {MinExamplesForLora} for LoRA");
        if (form == OutputForms.ToolCall)
        {
            checks.Rule(model.ToolCalling == "native", "native tool calling", $"tool calling is {model.ToolCalling}, not native");
        }

        if (task.PromptTokensP95 is { } prompt)
        {
            var needed = prompt + (task.OutputTokensP95 ?? 0);
            checks.Rule(needed <= model.ContextLength, $"context {model.ContextLength} ≥ {needed}", $"context {model.ContextLength} < {needed} tokens needed");
        }

        if (constraints.MaxServingMemoryGb is { } memory)
        {
            checks.Rule(model.MemoryGb.Q4KM <= memory, $"{model.MemoryGb.Q4KM} GB at Q4_K_M fits", $"{model.MemoryGb.Q4KM} GB at Q4_K_M > {memory} GB allowed");
        }

        if (constraints.AllowedLicences is { Count: > 0 } licences)
        {
            checks.Rule(licences.Contains(model.Licence, StringComparer.OrdinalIgnoreCase), $"licence {model.Licence} allowed", $"licence {model.Licence} not allowed");
        }

        return new SelectionCandidate("slm", model.Id, model.RelativeCost, checks.Passed, checks.Reasons);
    }

    private static string Describe(TaskProfile task, string form) => form == OutputForms.LabelSet
        ? $"label-set task ({task.DistinctLabels} labels, {task.Examples} examples)"
        : $"{form} task ({task.Examples} examples)";

    /// <summary>A candidate's checks: failures first in its reasons, so the explanation leads with what rules it out.</summary>
    private sealed class Checks
    {
        private readonly List<string> _reasons = [];

        public bool Passed { get; private set; } = true;

        public IReadOnlyList<string> Reasons => _reasons;

        public void Rule(bool pass, string yes, string no)
        {
            Passed &= pass;
            if (pass)
            {
                _reasons.Add(yes);
            }
            else
            {
                _reasons.Insert(0, no);
            }
        }
    }
}
