namespace SlmPlatform.Embeddings;

/// <summary>The files of the embedded all-MiniLM-L6-v2, for code that runs the model other than through ONNX
/// Runtime (the encoder specialist reads its weights to fine-tune them).</summary>
public static class MiniLmFiles
{
    public const string ModelId = EmbeddedMiniLm.ModelId;

    /// <summary>The ONNX model and its WordPiece vocabulary (vocab.txt), as shipped.</summary>
    public static (byte[] Model, byte[] Vocabulary) Read() => EmbeddedMiniLm.Read();

    /// <summary>The WordPiece vocabulary alone, without reading the model's 90 MB.</summary>
    public static byte[] ReadVocabulary() => EmbeddedMiniLm.Read(includeModel: false).Vocabulary;
}
