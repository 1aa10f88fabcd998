namespace SlmPlatform.Testing;

/// <summary>
/// The real PostgreSQL, Redis and RabbitMQ that <c>./test.sh</c> starts (eng/test-servers.sh) and announces in
/// environment variables. Functional tests need them; without them they fail and say how to get them.
/// </summary>
public static class TestServers
{
    public static string Postgres => Require("SLM_TEST_POSTGRES");

    public static string RabbitMQ => Require("SLM_TEST_RABBITMQ");

    /// <summary>A Redis connection string (host:port[,password=...]); tests keep apart by key prefix.</summary>
    public static string Redis => Require("SLM_TEST_REDIS");

    public static Uri RabbitMQManagement => new(Require("SLM_TEST_RABBITMQ_MANAGEMENT"));

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set. Functional tests run against real servers: run ./test.sh, or " +
                "'source eng/test-servers.sh && start_test_servers' before 'dotnet test'.");
}
