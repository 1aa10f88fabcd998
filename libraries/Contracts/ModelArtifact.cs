namespace SlmPlatform.Contracts;

/// <summary>
/// The artifact a server loads to run a model: its key in the artifact store (a relative path) and its format
/// (<c>classifier-head</c>, <c>gguf-*</c>, <c>peft-lora</c>). A reference, never the bytes.
/// </summary>
public sealed record ModelArtifact(string Key, string Format);
