namespace SlmPlatform.Specialists.Artifacts;

/// <summary>
/// Artifact keys (<c>tenant/kind/name</c>) are relative paths of safe segments under an artifact store's root: the
/// training service writes by them and serving reads by them. Anything that could leave the root is refused.
/// </summary>
public static class ArtifactKeys
{
    public static string Resolve(string root, string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var segments = key.Split('/');
        if (segments.Any(s => s.Length == 0 || s is "." or ".." || s.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))))
        {
            throw new ArgumentException($"'{key}' is not a valid artifact key.", nameof(key));
        }

        return Path.Combine([root, .. segments]);
    }
}
