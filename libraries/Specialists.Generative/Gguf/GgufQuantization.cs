namespace SlmPlatform.Specialists.Generative;

/// <summary>Number format of the weight matrices in an exported GGUF (norm vectors always stay F32).</summary>
public enum GgufQuantization
{
    /// <summary>32-bit floats: the reference, bit-exact with the trained weights.</summary>
    F32,

    // llama.cpp's own name for the format, kept so that it reads the same in logs, APIs and file names.
#pragma warning disable CA1707
    /// <summary>8-bit blocks of 32 values with one scale each (llama.cpp's Q8_0): about a quarter of the size.</summary>
    Q8_0,
#pragma warning restore CA1707
}
