namespace SlmPlatform.TaskDiscovery.Quality;

internal sealed record ThroughputRow(string Method, int Texts, double PerSecond);

/// <summary>Embeddings per second on the same texts in the same process: the generator beside raw ONNX Runtime.</summary>
internal static class Throughput
{
    public static async Task<List<ThroughputRow>> MeasureAsync(string[] texts)
    {
        var rows = new List<ThroughputRow>();
        using (var raw = new RawOnnxBaseline())
        {
            raw.Embed(texts[..64], 32);
            // The same texts pre-sorted by length: raw ONNX Runtime with the generator's batching, so the ratio shows
            // what the generator's own work (tokenizing, planning, copying, the gate) costs.
            var sorted = texts.OrderBy(t => t.Length).ToArray();
            rows.Add(Time("raw ONNX Runtime, one at a time", texts.Length / 4, () => raw.Embed(texts[..(texts.Length / 4)], 1)));
            rows.Add(Time("raw ONNX Runtime, batches of 32 in input order", texts.Length, () => raw.Embed(texts, 32)));
            rows.Add(Time("raw ONNX Runtime, batches of 32 pre-sorted by length", texts.Length, () => raw.Embed(sorted, 32)));
        }

        foreach (var (batch, concurrency, threads) in new[] { (32, 1, 0), (64, 1, 0), (32, 2, 1) })
        {
            using var generator = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions
            {
                BatchSize = batch, MaxConcurrency = concurrency, IntraOpThreads = threads,
            });
            await generator.GenerateAsync(texts[..64]);
            var sw = Stopwatch.StartNew();
            await generator.GenerateAsync(texts);
            var label = string.Create(CultureInfo.InvariantCulture,
                $"OnnxSentenceEmbeddingGenerator, batch {batch} by length, {concurrency} run(s) in flight × {(threads == 0 ? "all" : threads.ToString(CultureInfo.InvariantCulture))} thread(s)");
            rows.Add(Report(new ThroughputRow(label, texts.Length, texts.Length / sw.Elapsed.TotalSeconds)));
        }

        return rows;
    }

    private static ThroughputRow Time(string method, int count, Action run)
    {
        var sw = Stopwatch.StartNew();
        run();
        return Report(new ThroughputRow(method, count, count / sw.Elapsed.TotalSeconds));
    }

    private static ThroughputRow Report(ThroughputRow row)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Method,-95} {row.PerSecond,7:F0} texts/s ({row.Texts} texts)"));
        return row;
    }
}
