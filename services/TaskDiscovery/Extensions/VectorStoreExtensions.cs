using Microsoft.Extensions.Options;
using Qdrant.Client;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.Extensions;

internal static class VectorStoreExtensions
{
    /// <summary>The call-vector store named by <c>VectorStore:Provider</c>: <c>embedded</c> (default) or <c>qdrant</c>.</summary>
    public static IHostApplicationBuilder AddCallVectorStore(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<VectorStoreOptions>().BindConfiguration(VectorStoreOptions.SectionName)
            .Validate(o => o.Provider is "embedded" or "qdrant", "VectorStore:Provider must be 'embedded' or 'qdrant'.")
            .Validate(o => o.Provider != "qdrant" || o.Endpoint is not null, "VectorStore:Endpoint is required for the qdrant provider.")
            .ValidateOnStart();

        if (builder.Configuration[$"{VectorStoreOptions.SectionName}:Provider"] is "qdrant")
        {
            builder.Services.AddSingleton(sp =>
            {
                var settings = sp.GetRequiredService<IOptions<VectorStoreOptions>>().Value;
                return new QdrantClient(settings.Endpoint!, settings.ApiKey, loggerFactory: sp.GetRequiredService<ILoggerFactory>());
            });
            builder.Services.AddSingleton<ICallVectorStore, QdrantCallVectorStore>();
        }
        else
        {
            builder.Services.AddSingleton<ICallVectorStore, EmbeddedCallVectorStore>();
        }

        return builder;
    }
}
