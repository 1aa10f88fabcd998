using Microsoft.Extensions.Options;
using SlmPlatform.Specialists.Artifacts;

namespace SlmPlatform.Serving.Infrastructure.Deployment;

/// <summary>
/// Finds a deployment's artifact in the shared artifact store: a LoRA adapter folder (PEFT: <c>adapter_config.json</c>
/// and <c>*.safetensors</c>), a GGUF file or an embedded specialist's file. Locations are artifact keys or absolute paths
/// under the store's root; nothing outside the root is read, since a deployer may upload what it finds to another server.
/// </summary>
public sealed class DeploymentArtifacts(IOptions<ServingOptions> options, IHostEnvironment environment)
{
    public const string AdapterConfig = "adapter_config.json";

    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ArtifactsPath));

    public DeployableArtifact Find(string location)
    {
        string path;
        try
        {
            path = Path.IsPathRooted(location) ? Path.GetFullPath(location) : ArtifactKeys.Resolve(Root, location);
        }
        catch (ArgumentException e)
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"The artifact location '{location}' is not a valid artifact key.", e);
        }

        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"The artifact location '{location}' is outside the artifact store.");
        }

        if (Directory.Exists(path))
        {
            var weights = Directory.GetFiles(path, "*.safetensors").Order(StringComparer.Ordinal).ToList();
            return File.Exists(Path.Combine(path, AdapterConfig)) && weights.Count > 0
                ? new DeployableArtifact(ArtifactForm.LoraAdapter, path, [Path.Combine(path, AdapterConfig), .. weights])
                : throw new DeploymentException(DeploymentFailure.Invalid, $"The folder '{location}' holds no LoRA adapter ({AdapterConfig} and *.safetensors).");
        }

        if (!File.Exists(path))
        {
            throw new DeploymentException(DeploymentFailure.Invalid, $"The artifact '{location}' is missing from the artifact store.");
        }

        var form = path.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase) ? ArtifactForm.Gguf : ArtifactForm.Embedded;
        return new DeployableArtifact(form, path, [path]);
    }

    /// <summary>The path of <paramref name="path"/> (under <see cref="Root"/>) as another machine mounts the store.</summary>
    public string MapTo(string? otherRoot, string path) =>
        otherRoot is null ? path : otherRoot.TrimEnd('/') + "/" + Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
}

public enum ArtifactForm
{
    /// <summary>A PEFT LoRA adapter folder, applied to a base model by Ollama or vLLM.</summary>
    LoraAdapter,

    /// <summary>A whole model in one GGUF file.</summary>
    Gguf,

    /// <summary>A file only serving's own runtimes read (a classifier head).</summary>
    Embedded,
}

/// <summary>An artifact found: its form, its path, and the files a server needs of it.</summary>
public sealed record DeployableArtifact(ArtifactForm Form, string Path, IReadOnlyList<string> Files);
