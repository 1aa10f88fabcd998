using System.Globalization;
using System.Text.Json;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>A job's progress as the training page shows it: a share for the bar (while training) and a line of text.</summary>
public sealed record JobProgressView(double? Share, string Text)
{
    /// <summary>
    /// The job as its row says, or — while it waits or runs — as the newest epoch training announced, when that is further
    /// on than the row the page last read. A row read as queued still takes the announced epochs: the page reads rows
    /// every few seconds, and a short job runs all its epochs between two reads.
    /// </summary>
    public static JobProgressView Of(FineTuneJob job, FineTuneProgressed? announced)
    {
        if (job.State is not ("queued" or "running") || announced is null || announced.MaxEpochs <= 0)
        {
            return Of(job);
        }

        var done = (announced.Member * (double)announced.MaxEpochs + announced.Epoch) / (Math.Max(1, announced.Members) * (double)announced.MaxEpochs);
        var fromRow = Of(job);
        if (fromRow.Share is { } rowShare && rowShare > done)
        {
            return fromRow;
        }

        var member = announced.Members > 1 ? $" (model {announced.Member + 1} of {announced.Members})" : "";
        var loss = double.IsFinite(announced.ValidationLoss) ? string.Create(CultureInfo.InvariantCulture, $", validation loss {announced.ValidationLoss:0.000}") : "";
        var eta = double.IsFinite(announced.EtaSeconds) && announced.EtaSeconds >= 0 ? $", about {TimeSpan.FromSeconds(Math.Round(announced.EtaSeconds)):g} left" : "";
        return new(Math.Clamp(done, 0, 1), string.Create(CultureInfo.InvariantCulture, $"training: epoch {announced.Epoch} of {announced.MaxEpochs}{member}{loss}{eta}"));
    }

    public static JobProgressView Of(FineTuneJob job)
    {
        if (job.State is "succeeded")
        {
            return new(1, $"model {job.ModelId}");
        }

        if (job.State is "failed" or "cancelled")
        {
            return new(null, job.Error ?? job.State);
        }

        if (job.Progress is not { ValueKind: JsonValueKind.Object } progress)
        {
            return new(null, job.CancelRequested ? "cancelling" : "waiting for a worker");
        }

        var phase = progress.TryGetProperty("phase", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : "working";
        if (Number(progress, "epoch") is { } epoch && Number(progress, "max_epochs") is { } epochs && epochs > 0)
        {
            var eta = Number(progress, "eta_seconds") is { } seconds ? $", about {TimeSpan.FromSeconds(Math.Round(seconds)):g} left" : "";
            return new(Math.Clamp(epoch / epochs, 0, 1), string.Create(CultureInfo.InvariantCulture, $"{phase}: epoch {epoch:0} of {epochs:0}{eta}"));
        }

        return new(null, phase);
    }

    private static double? Number(JsonElement progress, string name) =>
        progress.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
