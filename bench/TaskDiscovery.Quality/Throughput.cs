namespace SlmPlatform.TaskDiscovery.Quality;

/// <summary>One way of embedding the texts: its speed in each round it ran (one round for a reference row).</summary>
internal sealed record ThroughputRow(string Method, int Texts, IReadOnlyList<double> PerSecond)
{
    public double Median => Throughput.Median(PerSecond);
}

/// <summary>
/// Embeddings per second on the same texts in the same process: the generator beside raw ONNX Runtime with the same
/// batches (the texts pre-sorted by WordPiece count, as the generator batches them) and session options. The two are
/// measured in interleaved rounds, their order swapped each round, so that neither gets the quieter minutes or the
/// warmer process; the ratio is the median of the rounds' ratios. The other rows run once, for reference.
/// </summary>
internal static class Throughput
{
    public const int Rounds = 5;
    public const string Baseline = "raw ONNX Runtime, batches of 32 pre-sorted by WordPiece count";
    public const string Generator = "OnnxSentenceEmbeddingGenerator, batch 32 by length, 1 run in flight × all threads";

    public static async Task<List<ThroughputRow>> MeasureAsync(string[] texts)
    {
        var rows = new List<ThroughputRow>();
        using (var raw = new RawOnnxBaseline())
        using (var generator = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions { BatchSize = 32 }))
        {
            var sorted = raw.SortedByTokens(texts);
            raw.Embed(sorted, 32);
            await generator.GenerateAsync(texts);
            var rawRounds = new List<double>();
            var generatorRounds = new List<double>();
            Func<Task>[] steps =
            [
                () => { rawRounds.Add(Time(texts.Length, () => raw.Embed(sorted, 32))); return Task.CompletedTask; },
                async () => generatorRounds.Add(await TimeAsync(texts.Length, () => generator.GenerateAsync(texts))),
            ];
            for (var round = 0; round < Rounds; round++)
            {
                foreach (var step in round % 2 == 0 ? steps : steps.Reverse())
                {
                    await step();
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}: raw sorted {rawRounds[^1],5:F0} texts/s, generator {generatorRounds[^1],5:F0} texts/s, × {generatorRounds[^1] / rawRounds[^1]:F2}"));
            }

            rows.Add(new ThroughputRow(Baseline, texts.Length, rawRounds));
            rows.Add(new ThroughputRow(Generator, texts.Length, generatorRounds));
            rows.Add(Report(new ThroughputRow("raw ONNX Runtime, one at a time", texts.Length / 4, [Time(texts.Length / 4, () => raw.Embed(texts[..(texts.Length / 4)], 1))])));
            rows.Add(Report(new ThroughputRow("raw ONNX Runtime, batches of 32 in input order", texts.Length, [Time(texts.Length, () => raw.Embed(texts, 32))])));
        }

        foreach (var (batch, concurrency, threads) in new[] { (64, 1, 0), (32, 2, 1) })
        {
            using var generator = new OnnxSentenceEmbeddingGenerator(new SentenceEmbeddingOptions
            {
                BatchSize = batch, MaxConcurrency = concurrency, IntraOpThreads = threads,
            });
            await generator.GenerateAsync(texts[..64]);
            var label = string.Create(CultureInfo.InvariantCulture,
                $"OnnxSentenceEmbeddingGenerator, batch {batch} by length, {concurrency} run(s) in flight × {(threads == 0 ? "all" : threads.ToString(CultureInfo.InvariantCulture))} thread(s)");
            rows.Add(Report(new ThroughputRow(label, texts.Length, [await TimeAsync(texts.Length, () => generator.GenerateAsync(texts))])));
        }

        return rows;
    }

    /// <summary>The median over the interleaved rounds of the generator's speed over the baseline's in the same round.</summary>
    public static double MedianRatio(IReadOnlyList<ThroughputRow> rows)
    {
        var baseline = rows.Single(r => r.Method == Baseline).PerSecond;
        var generator = rows.Single(r => r.Method == Generator).PerSecond;
        return Median(generator.Zip(baseline, (g, b) => g / b));
    }

    public static double Median(IEnumerable<double> values)
    {
        var ordered = values.Order().ToArray();
        return ordered[ordered.Length / 2];
    }

    private static double Time(int count, Action run)
    {
        var sw = Stopwatch.StartNew();
        run();
        return count / sw.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeAsync(int count, Func<Task> run)
    {
        var sw = Stopwatch.StartNew();
        await run();
        return count / sw.Elapsed.TotalSeconds;
    }

    private static ThroughputRow Report(ThroughputRow row)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{row.Method,-95} {row.Median,7:F0} texts/s ({row.Texts} texts)"));
        return row;
    }
}
