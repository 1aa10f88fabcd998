using MassTransit;
using SlmPlatform.Specialists.Training;
using SlmPlatform.Training.Infrastructure;

namespace SlmPlatform.Training.Workers;

/// <summary>Persists a running job's phase and per-epoch progress on its row, and announces each epoch as <see cref="FineTuneProgressed"/>.</summary>
public sealed class JobProgress(JobStore jobs, IPublishEndpoint publisher, JobRow row, string holder)
{
    public Task PhaseAsync(string phase, CancellationToken cancellationToken) =>
        jobs.UpdateAsync(row.Job.Id, holder, "progress", JsonSerializer.Serialize(new { phase }, Db.JsonOptions), cancellationToken);

    /// <summary>Called from the training thread after every epoch; blocks it for the write and the publish, which are short.</summary>
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
        jobs.UpdateAsync(row.Job.Id, holder, "progress", json, CancellationToken.None).GetAwaiter().GetResult();
        var eventId = DeterministicId.Create("finetune-progressed", row.Job.Id.ToString(), p.Member.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Epoch.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var message = new FineTuneProgressed(eventId, row.TenantId, row.Job.Id, p.Member, p.Members, p.Epoch, p.MaxEpochs, p.Step, p.MaxSteps,
            p.TrainLoss, p.ValidationLoss, p.ValidationAccuracy, p.Eta.TotalSeconds, DateTimeOffset.UtcNow);
        publisher.Publish(message, context => context.MessageId = eventId).GetAwaiter().GetResult();
    }
}
