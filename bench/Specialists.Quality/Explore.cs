namespace SlmPlatform.Specialists.Quality;

/// <summary>
/// Hyper-parameter sweep on the training split only (75 % fit, 25 % scored): the test split never chooses a default.
/// </summary>
internal static class Explore
{
    public static void Run(LabelledVectors all, IReadOnlyList<string> labels)
    {
        var parts = StratifiedSplit.Split(all.Labels, [0.75, 0.25], 99);
        var fit = all.Select(parts[0]);
        var held = all.Select(parts[1]);
        ClassifierHeadOptions[] grid =
        [
            new() { HiddenUnits = 0, Dropout = 0, L2 = 1e-4f, LearningRate = 0.003f },
            new() { HiddenUnits = 256, Dropout = 0.5f, L2 = 1e-3f, LearningRate = 0.001f },
        ];
        foreach (var options in grid)
        {
            foreach (var folds in new[] { 1, 5 })
            {
                var clock = Stopwatch.StartNew();
                var sums = new float[held.Count * labels.Count];
                var run = new ClassifierHeadTrainer(options with { EnsembleMembers = folds }).Train(fit, labels, "explore");
                var epochs = run.BestEpochs;
                {
                    var p = new float[labels.Count];
                    for (var i = 0; i < held.Count; i++)
                    {
                        run.Head.Predict(held.Row(i), p);
                        for (var c = 0; c < p.Length; c++)
                        {
                            sums[i * labels.Count + c] += p[c];
                        }
                    }
                }

                var correct = Enumerable.Range(0, held.Count).Count(i => System.Numerics.Tensors.TensorPrimitives.IndexOfMax(sums.AsSpan(i * labels.Count, labels.Count)) == held.Labels[i]);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{options.HiddenUnits,5} hidden  l2 {options.L2:0e0}  lr {options.LearningRate:0.####}  dropout {options.Dropout:0.0}  folds {folds} -> held-out accuracy {(double)correct / held.Count:0.0000}  (members' best epochs {string.Join(',', epochs)})  {clock.Elapsed.TotalSeconds:0.0} s"));
            }
        }
    }
}
