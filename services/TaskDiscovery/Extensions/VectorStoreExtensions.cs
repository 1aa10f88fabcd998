using Microsoft.Extensions.Options;
using Qdrant.Client;
using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;

namespace SlmPlatform.TaskDiscovery.Extensions;

internal static class VectorStoreExtensions
{
    /// <summary>The call-vector store named by <c>VectorStore:Provider</c>: <c>embedded</c> (default), <c>postgres</c> or <c>qdrant</c>.</summary>
    public static IHostApplicationBuilder AddCallVectorStore(this IHostApplicationBuilder builder)
    {
        var options = builder.Services.AddOptions<VectorStoreOptions>().BindConfiguration(VectorStoreOptions.SectionName)
            .Validate(o => o.Provider is VectorStoreOptions.Embedded or VectorStoreOptions.Postgres or VectorStoreOptions.Qdrant,
                "VectorStore:Provider must be 'embedded', 'postgres' or 'qdrant'.")
            .Validate(o => o.Provider != VectorStoreOptions.Qdrant || o.Endpoint is not null, "VectorStore:Endpoint is required for the qdrant provider.")
            .ValidateOnStart();

        var provider = builder.Configuration[$"{VectorStoreOptions.SectionName}:Provider"];
        if (provider is VectorStoreOptions.Qdrant)
        {
            builder.Services.AddSingleton(sp =>
            {
                var settings = sp.GetRequiredService<IOptions<VectorStoreOptions>>().Value;
                return new QdrantClient(settings.Endpoint!, settings.ApiKey, loggerFactory: sp.GetRequiredService<ILoggerFactory>());
            });
            builder.Services.AddSingleton<ICallVectorStore, QdrantCallVectorStore>();
        }
        else if (provider is VectorStoreOptions.Postgres)
        {
            builder.Services.AddSingleton<ICallVectorStore, PostgresCallVectorStore>();
        }
        else
        {
            builder.Services.AddSingleton<ICallVectorStore, EmbeddedCallVectorStore>();
        }

        return builder;
    }
}
