using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SlmPlatform.ServiceDefaults;

/// <summary>
/// A request body to show on an endpoint's reference page (<c>/scalar/v1</c>), ready to send: the examples the
/// platform's users start from. Endpoints that read their body themselves get a JSON request body in the document too.
/// </summary>
public static class RequestExamples
{
    /// <summary>Shows <paramref name="json"/> as the request body's example in the OpenAPI document.</summary>
    public static TBuilder WithRequestExample<TBuilder>(this TBuilder builder, string json, string contentType = "application/json")
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var example = new RequestExample(JsonNode.Parse(json)!, contentType);
        builder.Add(endpoint => endpoint.Metadata.Add(example));
        return builder;
    }

    internal static Task AddExampleAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().LastOrDefault() is not { } example)
        {
            return Task.CompletedTask;
        }

        operation.RequestBody ??= new OpenApiRequestBody { Required = true };
        var body = (OpenApiRequestBody)operation.RequestBody;
        body.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!body.Content.TryGetValue(example.ContentType, out var media))
        {
            body.Content[example.ContentType] = media = new OpenApiMediaType();
        }

        media.Example = example.Body.DeepClone();
        return Task.CompletedTask;
    }

    private sealed record RequestExample(JsonNode Body, string ContentType);
}
