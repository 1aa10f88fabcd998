namespace SlmPlatform.Serving.Infrastructure;

/// <summary>Artifact keys are relative paths of safe segments under the store's root; anything that could leave it is refused.</summary>
public static class ArtifactPaths
{
    public static string Resolve(string root, string key)
    {
        var segments = key.Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || s.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
        {
            throw new ArgumentException("Not an artifact key.", nameof(key));
        }

        return Path.Combine([root, .. segments]);
    }
}
