namespace SlmPlatform.Specialists.Quality;

/// <summary>The options the benchmark trains with: the trainer's defaults unless --hidden asks for an MLP.</summary>
internal static class ClassifierHeadRecipe
{
    public static readonly ClassifierHeadOptions Default = new();
}
