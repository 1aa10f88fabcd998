using SlmPlatform.Gateway.Infrastructure;

namespace SlmPlatform.Gateway.Routing;

/// <summary>
/// What routing did with a call: answered it (the response is written), or left it to the teacher — possibly with a
/// shadow specialist waiting to be compared with the teacher's answer, which the caller hands over once relayed.
/// </summary>
public sealed class RouteDecision
{
    public static readonly RouteDecision Answered = new(answered: true, shadow: null);
    public static readonly RouteDecision ToTeacher = new(answered: false, shadow: null);
    private readonly TaskCompletionSource<TeacherAnswer?>? _shadow;

    private RouteDecision(bool answered, TaskCompletionSource<TeacherAnswer?>? shadow)
    {
        IsAnswered = answered;
        _shadow = shadow;
    }

    public bool IsAnswered { get; }

    public static RouteDecision ToTeacherWithShadow(TaskCompletionSource<TeacherAnswer?>? shadow) =>
        shadow is null ? ToTeacher : new RouteDecision(answered: false, shadow);

    /// <summary>
    /// Hands the teacher's answer (null when the call did not complete) to the shadow comparison, if any. Must be called
    /// once the relay ends, however it ends, or the comparison waits until the gateway stops.
    /// </summary>
    public void TeacherAnswered(TeacherAnswer? answer) => _shadow?.TrySetResult(answer);
}
