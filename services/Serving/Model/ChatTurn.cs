namespace SlmPlatform.Serving.Model;

/// <summary>One message of a conversation, as both APIs carry it.</summary>
public sealed record ChatTurn(string Role, string Content);

/// <summary>A specialist's answer, with the counts both APIs report, and how sure it is where its runtime can say.</summary>
public sealed record SpecialistAnswer(
    string Content, int PromptTokens, int CompletionTokens, TimeSpan LoadDuration, TimeSpan Duration, AnswerConfidence? Confidence = null);
