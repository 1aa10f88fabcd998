using SlmPlatform.Serving.Infrastructure;
using SlmPlatform.Serving.Model;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Serving.FunctionalTests.Deployment;

/// <summary>
/// Specialists in serving's own registry, as a <c>ModelTrained</c> would have put them there, each with its artifact in
/// the artifact store: a PEFT LoRA adapter folder, a GGUF file or a classifier head. The bytes are stand-ins: deploying
/// moves files and never reads weights, and no server here could run them.
/// </summary>
public sealed class DeployableRegistry(string root)
{
    private readonly SpecialistRegistry _registry = new(root);

    public string Root => root;

    public SpecialistDescriptor AddAdapter(string tenantId, string baseModel) => Add(tenantId, "lora", "peft-lora", baseModel, (id, path) =>
    {
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "adapter_config.json"), $$"""{"peft_type":"LORA","r":16,"lora_alpha":32,"base_model_name_or_path":"{{baseModel}}"}""");
        File.WriteAllBytes(Path.Combine(path, "adapter_model.safetensors"), RandomBytes(4096));
        File.WriteAllText(Path.Combine(path, "Modelfile"), $"FROM {baseModel}\nADAPTER .\n");
    }, key => key);

    public SpecialistDescriptor AddGguf(string tenantId) =>
        Add(tenantId, SpecialistKinds.Generative, "gguf", null, (_, path) => File.WriteAllBytes(path, [.. "GGUF"u8, .. RandomBytes(8192)]), key => key + ".gguf");

    public SpecialistDescriptor AddHead(string tenantId) =>
        Add(tenantId, SpecialistKinds.ClassifierHead, ClassifierHeadArtifact.Format, null, (_, path) => File.WriteAllBytes(path, RandomBytes(512)), key => key + ClassifierHeadArtifact.FileExtension);

    private SpecialistDescriptor Add(string tenantId, string kind, string format, string? baseModel, Action<Guid, string> write, Func<string, string> keyOf)
    {
        var id = Guid.NewGuid();
        var key = keyOf($"{tenantId}/models/{id}");
        var path = ArtifactKeys.Resolve(root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        write(id, path);
        var descriptor = new SpecialistDescriptor(id, tenantId, Guid.NewGuid(), kind, key, format, DateTimeOffset.UtcNow, baseModel);
        _registry.RememberAsync(descriptor, CancellationToken.None).GetAwaiter().GetResult();
        return descriptor;
    }

    private static byte[] RandomBytes(int count) => System.Security.Cryptography.RandomNumberGenerator.GetBytes(count);
}
