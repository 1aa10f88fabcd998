using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Npgsql;
using SlmPlatform.TaskDiscovery.Clustering;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// On the first call of an untagged call site, embeds its system prompt (once per prompt: the embedding cache is keyed
/// by content) and looks for an existing call site of the same agent and output kind with nearly the same prompt.
/// Scrubbing makes this necessary: a prompt that names the customer gets a different surrogate per customer, so its
/// hash differs while the call site is one.
/// </summary>
public sealed class CallSiteMatcher(
    NpgsqlDataSource dataSource,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IOptionsMonitor<CallSiteOptions> options)
{
    // Call sites already in the database need no prompt embedding; bounded so that a stream of one-off prompts cannot grow it forever.
    private const int MaxKnown = 100_000;
    private readonly ConcurrentDictionary<Guid, bool> _known = new();

    /// <summary>The signature to store with a new call site and the task to fold it into; nulls when there is nothing to do.</summary>
    public async Task<(CallSiteSignature? Signature, Guid? FoldInto)> MatchAsync(CallScrubbed call, CallSite site, CancellationToken cancellationToken)
    {
        var taskId = site.TaskId(call.TenantId);
        if (site.Workload is not null || call.Facts?.SystemPrompt is not { Length: > 0 } prompt || _known.ContainsKey(taskId))
        {
            return (null, null);
        }

        if (await ExistsAsync(taskId, cancellationToken))
        {
            Remember(taskId);
            return (null, null);
        }

        var signature = (await embeddings.GenerateAsync([prompt], cancellationToken: cancellationToken))[0].Vector.ToArray();
        VectorMath.Normalize(signature);
        Guid? best = null;
        var bestScore = double.NegativeInfinity;
        var settings = options.CurrentValue;
        await using var command = dataSource.CreateCommand(
            """
            select task_id, signature_vector, signature_text from tasks
            where tenant_id = $1 and agent = $2 and output_kind = $3 and task_id <> $4
              and workload is null and merged_into is null and split_from is null and signature_vector is not null
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = call.TenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = site.Agent });
        command.Parameters.Add(new NpgsqlParameter { Value = site.OutputKind });
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var candidate = reader.GetFieldValue<float[]>(1);
            var similarity = candidate.Length == signature.Length ? VectorMath.Dot(signature, candidate) : 0;
            var overlap = reader.IsDBNull(2) ? 0 : PromptTemplates.WordOverlap(prompt, reader.GetString(2));
            var same = similarity >= settings.SignatureSimilarity || overlap >= settings.TemplateWordOverlap;
            if (same && similarity + overlap > bestScore)
            {
                (best, bestScore) = (reader.GetGuid(0), similarity + overlap);
            }
        }

        return (new CallSiteSignature(prompt, signature), best);
    }

    public void Remember(Guid taskId)
    {
        if (_known.Count >= MaxKnown)
        {
            _known.Clear();
        }

        _known[taskId] = true;
    }

    private async Task<bool> ExistsAsync(Guid taskId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select exists (select 1 from tasks where task_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = taskId });
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>A call site's scrubbed system prompt and its unit-length embedding.</summary>
public sealed record CallSiteSignature(string Text, float[] Vector);
