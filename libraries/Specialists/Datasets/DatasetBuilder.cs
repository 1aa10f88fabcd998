using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.AI;

namespace SlmPlatform.Specialists.Datasets;

/// <summary>
/// Curates a task's calls into a dataset version: filters (errored calls, missing or invalid answers, unknown
/// tools), exact duplicates (same messages and tools), near duplicates (input embeddings at or above a cosine
/// threshold, when an embedding generator is given), then a stratified train/validation/test split by output class.
/// </summary>
public sealed class DatasetBuilder(IEmbeddingGenerator<string, Embedding<float>>? embedder = null)
{
    public async Task<DatasetVersion> BuildAsync(
        ITaskCallSource source, string tenantId, Guid taskId, string outputKind, DatasetOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var dropped = new List<DroppedCall>();
        var candidates = new List<(SourceCall Call, JsonElement Answer)>();
        var exact = new Dictionary<string, string>(StringComparer.Ordinal);
        var read = 0;
        await foreach (var call in source.ReadAsync(tenantId, taskId, cancellationToken))
        {
            read++;
            var (answer, reason) = CallFilter.Check(call, outputKind);
            if (reason is not null)
            {
                dropped.Add(new DroppedCall(call.CallId, reason));
                continue;
            }

            var key = InputKey(call);
            if (exact.TryGetValue(key, out var first))
            {
                dropped.Add(new DroppedCall(call.CallId, DropReasons.ExactDuplicate, first));
                continue;
            }

            exact[key] = call.CallId;
            candidates.Add((call, answer!.Value.Clone()));
        }

        if (embedder is not null && options.NearDuplicateThreshold is { } threshold && candidates.Count > 1)
        {
            var embeddings = await embedder.GenerateAsync(candidates.Select(c => PromptText.Of(c.Call.Messages)), cancellationToken: cancellationToken);
            var duplicateOf = NearDuplicates.Find([.. embeddings.Select(e => e.Vector)], threshold);
            for (var i = 0; i < candidates.Count; i++)
            {
                if (duplicateOf[i] >= 0)
                {
                    dropped.Add(new DroppedCall(candidates[i].Call.CallId, DropReasons.NearDuplicate, candidates[duplicateOf[i]].Call.CallId));
                }
            }

            candidates = [.. candidates.Where((_, i) => duplicateOf[i] < 0)];
        }

        // The split must not depend on the order the source yielded the calls in.
        candidates = [.. candidates.OrderBy(c => c.Call.CallId, StringComparer.Ordinal)];
        var classes = candidates.Select(c => ClassKey(c.Call, c.Answer)).ToArray();
        var parts = StableSplit.Assign([.. candidates.Select(c => c.Call.CallId)], classes, [options.TrainFraction, options.ValidationFraction, options.TestFraction], options.Seed);
        string[] names = [DatasetExample.Train, DatasetExample.Validation, DatasetExample.Test];
        var examples = candidates.Select((candidate, i) => new DatasetExample(
            candidate.Call.CallId, candidate.Call.Messages.Clone(), candidate.Call.Tools?.Clone(), candidate.Answer,
            classes[i], candidate.Call.OutputLabel, names[parts[i]]));
        var ordered = CanonicalJsonl.Order(examples).ToList();

        var contentHash = CanonicalJsonl.Hash(CanonicalJsonl.Write(ordered));
        var id = "ds-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{tenantId}\u001f{taskId}\u001f{outputKind}\u001f{contentHash}")))[..24];
        var splits = names.ToDictionary(n => n, n => ordered.Count(e => e.Split == n), StringComparer.Ordinal);
        var labels = ordered.Where(e => e.Label is not null).Select(e => e.Label!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var lineage = new DatasetLineage(read, options, embedder is null || options.NearDuplicateThreshold is null ? null : ModelId(embedder),
            [.. ordered.Select(e => e.CallId)], [.. dropped.OrderBy(d => d.CallId, StringComparer.Ordinal)]);
        return new DatasetVersion(id, tenantId, taskId, outputKind, contentHash, splits, labels, lineage, ordered);
    }

    /// <summary>Exact duplicates: the same messages and tools, compared as compact JSON.</summary>
    private static string InputKey(SourceCall call) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(call.Messages) + '\u001f' + (call.Tools is { } t ? JsonSerializer.Serialize(t) : string.Empty))));

    /// <summary>The class a call is stratified by: its label, else the tools its answer called, else one common class.</summary>
    private static string ClassKey(SourceCall call, JsonElement answer) =>
        call.OutputLabel ?? (answer.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array
            ? string.Join('+', calls.EnumerateArray().Select(c => c.GetProperty("function").GetProperty("name").GetString()))
            : "_");

    private static string ModelId(IEmbeddingGenerator<string, Embedding<float>> generator) =>
        generator.GetService<EmbeddingGeneratorMetadata>()?.DefaultModelId ?? "unknown";
}
