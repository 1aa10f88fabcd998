namespace SlmPlatform.Training.Model;

/// <summary>Section <c>Evaluation</c>: how trained models are scored as served.</summary>
public sealed class EvaluationOptions
{
    public const string SectionName = "Evaluation";

    /// <summary>The serving service, asked exactly as the gateway asks it.</summary>
    public Uri ServingUrl { get; set; } = new("http://serving");

    /// <summary>Test examples scored at most: an evenly spaced sample of the split, so its class mix is kept.</summary>
    public int MaxExamples { get; set; } = 1000;

    /// <summary>Requests in flight to serving at once.</summary>
    public int Concurrency { get; set; } = 2;

    /// <summary>The cosine similarity at which a free-text answer counts as saying what the teacher said.</summary>
    public double SimilarityThreshold { get; set; } = 0.9;

    /// <summary>How long one answer may take before it counts as a failed answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Base models scored beside the specialist on the same examples; off until Url and Model are set.</summary>
    public BaselineOptions Baselines { get; set; } = new();

    /// <summary>An LLM that judges free-text answers; off until Url and Model are set.</summary>
    public JudgeOptions Judge { get; set; } = new();
}

/// <summary>Section <c>Evaluation:Baselines</c>: an OpenAI-compatible endpoint serving base SLMs (vLLM, Ollama's <c>/v1</c>).</summary>
public sealed class BaselineOptions
{
    /// <summary>The base URL that <c>/chat/completions</c> is appended to, e.g. <c>http://ollama:11434/v1</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>The base model as that endpoint names it, e.g. the catalog's Ollama tag <c>qwen2.5:0.5b</c>.</summary>
    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>In-context examples from the train split for the few-shot baseline.</summary>
    public int Shots { get; set; } = 3;

    public bool IsConfigured => Url is not null && !string.IsNullOrWhiteSpace(Model);
}

/// <summary>Section <c>Evaluation:Judge</c>: an OpenAI-compatible LLM (the teacher's provider, as the gateway's upstream).</summary>
public sealed class JudgeOptions
{
    /// <summary>The base URL that <c>/chat/completions</c> is appended to, as <c>Gateway:Upstream:BaseUrl</c>.</summary>
    public Uri? Url { get; set; }

    public string? Model { get; set; }

    /// <summary>Sent as Bearer; never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Judge requests in flight at once.</summary>
    public int Concurrency { get; set; } = 4;

    /// <summary>How long one verdict may take before it counts as a judge failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    public bool IsConfigured => Url is not null && !string.IsNullOrWhiteSpace(Model);
}
