namespace SlmPlatform.Ingest.Model;

/// <summary>The answer to an accepted call: the id under which it will be stored.</summary>
public sealed record CallAccepted(string Id);

public sealed record AcceptedItem(int Index, string Id);

public sealed record RejectedItem(int Index, Dictionary<string, string[]> Errors);

/// <summary>The answer to a batch: which records were accepted (and their ids) and which were rejected, and why.</summary>
public sealed record BatchAccepted(IReadOnlyList<AcceptedItem> Accepted, IReadOnlyList<RejectedItem> Rejected);
