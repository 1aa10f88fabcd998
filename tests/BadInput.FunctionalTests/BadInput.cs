namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// One request the platform must refuse with a 4xx and nothing stored: sent to <see cref="Service"/> with the
/// tenant's key unless <see cref="Authorization"/> replaces it ("" sends none).
/// </summary>
public sealed record BadInput(string Name, string Service, HttpMethod Method, string Path, byte[]? Body = null, string ContentType = "application/json", string? Authorization = null)
{
    public HttpRequestMessage ToRequest(string apiKey)
    {
        var request = new HttpRequestMessage(Method, Path);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }

        var authorization = Authorization ?? $"Bearer {apiKey}";
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }
}
