namespace SlmPlatform.Serving.Model;

// Ollama's REST API (docs/api.md of ollama/ollama), as far as specialists need it. Fields are snake_case on the wire.

public sealed record OllamaMessage(string? Role, string? Content);

public sealed record OllamaChatRequest(string? Model, IReadOnlyList<OllamaMessage>? Messages, bool? Stream);

public sealed record OllamaGenerateRequest(string? Model, string? Prompt, string? System, bool? Stream);

public sealed record OllamaShowRequest(string? Model, string? Name);

public sealed record OllamaChatResponse(
    string Model, DateTimeOffset CreatedAt, OllamaMessage Message, bool Done, string? DoneReason = null,
    long? TotalDuration = null, long? LoadDuration = null, int? PromptEvalCount = null, int? EvalCount = null, long? EvalDuration = null);

public sealed record OllamaGenerateResponse(
    string Model, DateTimeOffset CreatedAt, string Response, bool Done, string? DoneReason = null,
    long? TotalDuration = null, long? LoadDuration = null, int? PromptEvalCount = null, int? EvalCount = null, long? EvalDuration = null);

public sealed record OllamaModelDetails(string Format, string Family, IReadOnlyList<string> Families, string ParameterSize, string QuantizationLevel);

public sealed record OllamaModel(string Name, string Model, DateTimeOffset ModifiedAt, long Size, string Digest, OllamaModelDetails Details);

public sealed record OllamaTags(IReadOnlyList<OllamaModel> Models);

public sealed record OllamaRunningModel(string Name, string Model, long Size, string Digest, OllamaModelDetails Details, DateTimeOffset ExpiresAt, long SizeVram);

public sealed record OllamaRunning(IReadOnlyList<OllamaRunningModel> Models);

public sealed record OllamaShowResponse(string Modelfile, string Parameters, string Template, OllamaModelDetails Details, IReadOnlyDictionary<string, object> ModelInfo, IReadOnlyList<string> Capabilities);
