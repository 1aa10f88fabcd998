using MassTransit;
using SlmPlatform.Specialists.Training;
using SlmPlatform.Training.Infrastructure;
using GenerativeProgress = SlmPlatform.Specialists.Generative.TrainingProgress;

namespace SlmPlatform.Training.Workers;

/// <summary>Persists a running job's phase and per-epoch progress on its row, and announces each epoch as <see cref="FineTuneProgressed"/>.</summary>
/// <remarks>Both trainers report from their training thread, which waits for the write and the publish (they are short).</remarks>
public sealed class JobProgress(JobStore jobs, IPublishEndpoint publisher, JobRow row, string holder)
{
    public Task PhaseAsync(string phase, CancellationToken cancellationToken) =>
        jobs.UpdateAsync(row.Job.Id, holder, "progress", JsonSerializer.Serialize(new { phase }, Db.JsonOptions), cancellationToken);

    /// <summary>A phase with details of its own (a GPU trainer's Kubernetes Job), saved on the row and not announced.</summary>
    public Task ReportAsync(object progress, CancellationToken cancellationToken) =>
        jobs.UpdateAsync(row.Job.Id, holder, "progress", JsonSerializer.Serialize(progress, Db.JsonOptions), cancellationToken);

    /// <summary>A classifier head's report after every epoch of one ensemble member.</summary>
    public void Epoch(TrainingProgress p)
    {
        var json = JsonSerializer.Serialize(new
        {
            phase = "training",
            member = p.Member,
            members = p.Members,
            epoch = p.Epoch,
            max_epochs = p.MaxEpochs,
            step = p.Step,
            max_steps = p.MaxSteps,
            train_loss = p.TrainLoss,
            validation_loss = p.ValidationLoss,
            validation_accuracy = p.ValidationAccuracy,
            elapsed_seconds = p.Elapsed.TotalSeconds,
            eta_seconds = p.Eta.TotalSeconds,
        });
        Report(json, p.Member, p.Epoch, eventId => new FineTuneProgressed(eventId, row.TenantId, row.Job.Id, p.Member, p.Members, p.Epoch, p.MaxEpochs,
            p.Step, p.MaxSteps, p.TrainLoss, p.ValidationLoss, p.ValidationAccuracy, p.Eta.TotalSeconds, DateTimeOffset.UtcNow));
    }

    /// <summary>
    /// A generative run's report, made once per epoch (<paramref name="epoch"/> counts epochs begun, so that the last,
    /// partial one of a run stopped by its time budget still gets an id of its own). Exact match is measured once, at
    /// the end, so the event's validation accuracy is 0; its validation loss is the training loss when the dataset has
    /// no validation split (the contract's figures are not nullable, and NaN does not travel as JSON).
    /// </summary>
    public void Generative(GenerativeProgress p, int epoch, int maxEpochs)
    {
        var json = JsonSerializer.Serialize(new
        {
            phase = "training",
            epoch,
            max_epochs = maxEpochs,
            step = p.Step,
            max_steps = p.TotalSteps,
            train_loss = p.Loss,
            validation_loss = p.ValidationLoss,
            learning_rate = p.LearningRate,
            tokens_per_second = p.TokensPerSecond,
            elapsed_seconds = p.Elapsed.TotalSeconds,
            eta_seconds = p.EstimatedRemaining.TotalSeconds,
        });
        Report(json, 0, epoch, eventId => new FineTuneProgressed(eventId, row.TenantId, row.Job.Id, 0, 1, epoch, maxEpochs, p.Step, p.TotalSteps,
            p.Loss, p.ValidationLoss ?? p.Loss, 0, p.EstimatedRemaining.TotalSeconds, DateTimeOffset.UtcNow));
    }

    // Progress is saved on the job row (what GET shows), then announced; one event id per member and epoch, so a
    // resumed run announcing an epoch again is the same event.
    private void Report(string json, int member, int epoch, Func<Guid, FineTuneProgressed> message)
    {
        jobs.UpdateAsync(row.Job.Id, holder, "progress", json, CancellationToken.None).GetAwaiter().GetResult();
        var eventId = DeterministicId.Create("finetune-progressed", row.Job.Id.ToString(),
            member.ToString(System.Globalization.CultureInfo.InvariantCulture), epoch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        publisher.Publish(message(eventId), context => context.MessageId = eventId).GetAwaiter().GetResult();
    }
}
