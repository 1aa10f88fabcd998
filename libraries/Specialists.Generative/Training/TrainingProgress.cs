namespace SlmPlatform.Specialists.Generative;

/// <summary>One progress report of a training run.</summary>
/// <param name="Step">Optimiser steps done (counting steps done before a resume).</param>
/// <param name="TotalSteps">Steps planned (epochs × batches per epoch); a time budget may stop earlier.</param>
/// <param name="Epoch">Current epoch, from 1.</param>
/// <param name="Loss">Training loss (cross-entropy per answer token), smoothed over recent steps.</param>
/// <param name="ValidationLoss">Loss on the validation set, when measured at this step.</param>
/// <param name="LearningRate">Learning rate of this step.</param>
/// <param name="TokensPerSecond">Training throughput (all tokens fed, prompt and answer).</param>
/// <param name="Elapsed">Training time so far, across resumes.</param>
/// <param name="EstimatedRemaining">Time left at the current rate, capped by the time budget.</param>
public sealed record TrainingProgress(
    long Step,
    long TotalSteps,
    int Epoch,
    double Loss,
    double? ValidationLoss,
    double LearningRate,
    double TokensPerSecond,
    TimeSpan Elapsed,
    TimeSpan EstimatedRemaining);
