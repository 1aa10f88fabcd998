namespace SlmPlatform.Gateway.Infrastructure;

/// <summary>
/// Errors the gateway itself raises on the OpenAI-compatible routes: problem details that also carry OpenAI's
/// <c>error</c> object, so that both ASP.NET clients and OpenAI SDKs read them.
/// </summary>
internal static class GatewayProblem
{
    public static IResult Create(int status, string title, string detail, string errorType) =>
        TypedResults.Problem(
            title: title,
            detail: detail,
            statusCode: status,
            extensions: new Dictionary<string, object?>
            {
                ["error"] = new Dictionary<string, object?> { ["message"] = detail, ["type"] = errorType, ["code"] = null },
            });
}
