namespace SlmPlatform.Replicas.Benchmarks;

/// <summary>
/// One round: calls stored per second while every replica was up (between 5 % and 95 % of the queue stored), and the
/// cores each replica, and the whole machine, kept busy meanwhile.
/// </summary>
internal sealed record RoundResult(int Replicas, double CallsPerSecond, IReadOnlyList<double> ReplicaCores, double? MachineCores, int StoredInWindow);
