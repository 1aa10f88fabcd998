namespace SlmPlatform.Ingest.Infrastructure;

/// <summary>The broker did not confirm a publish in time, or returned it because no queue would take it.</summary>
public sealed class BrokerUnavailableException(string message, Exception? innerException = null) : Exception(message, innerException);
