using System.Text.Json;
using System.Text.Json.Serialization;

namespace SlmPlatform.Contracts.Http;

/// <summary>
/// Serialisation code generated at build time for the shapes that cross a service boundary over HTTP, in the platform
/// APIs' snake_case. ServiceDefaults puts it first in every API's and every typed client's resolvers, so these shapes
/// need no reflection, and a property that cannot be serialised fails the build instead of a request.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(TaskSummary))]
[JsonSerializable(typeof(IReadOnlyList<TaskSummary>))]
[JsonSerializable(typeof(TaskDetail))]
[JsonSerializable(typeof(TaskCallPage))]
[JsonSerializable(typeof(TaskSpecialist))]
[JsonSerializable(typeof(CallPage))]
[JsonSerializable(typeof(CallLookup))]
[JsonSerializable(typeof(CallLookupResult))]
[JsonSerializable(typeof(ChatCompletionReply))]
[JsonSerializable(typeof(SavingsReport))]
[JsonSerializable(typeof(IReadOnlyList<PromotionDecision>))]
[JsonSerializable(typeof(PromotionStatus))]
[JsonSerializable(typeof(IReadOnlyList<IssuedKeyInfo>))]
[JsonSerializable(typeof(IssuedKey))]
[JsonSerializable(typeof(KeyRequest))]
[JsonSerializable(typeof(RotationRequest))]
[JsonSerializable(typeof(FineTuneJob))]
[JsonSerializable(typeof(FineTuneJobPage))]
[JsonSerializable(typeof(FineTuneJobStart))]
[JsonSerializable(typeof(ScrubReport))]
[JsonSerializable(typeof(IReadOnlyList<RegisteredModel>))]
[JsonSerializable(typeof(IReadOnlyList<ModelEvaluation>))]
[JsonSerializable(typeof(ErasureRequest))]
[JsonSerializable(typeof(ErasureStatus))]
public sealed partial class HttpContractsJsonContext : JsonSerializerContext;
