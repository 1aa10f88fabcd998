using System.Globalization;
using System.Text.Json;

namespace SlmPlatform.Console.Infrastructure;

/// <summary>A job's progress as the training page shows it: a share for the bar (while training) and a line of text.</summary>
public sealed record JobProgressView(double? Share, string Text)
{
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
