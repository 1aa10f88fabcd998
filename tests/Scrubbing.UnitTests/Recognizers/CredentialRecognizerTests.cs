namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class CredentialRecognizerTests
{
    private const string Jwt =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkphbmUifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private const string PrivateKey = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIEpAIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgwMbRvI0MBZhpI
        Wk8jq0uW3bHd4pJ6YQ==
        -----END RSA PRIVATE KEY-----
        """;

    private readonly CredentialRecognizer _recognizer = new();

    [Theory]
    [InlineData("OPENAI_API_KEY=sk-abcdefghijklmnopqrstuvwxyz0123456789", "sk-abcdefghijklmnopqrstuvwxyz0123456789")]
    [InlineData("key: sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv_wXyZ-012", "sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv_wXyZ-012")]
    [InlineData("aws AKIAIOSFODNN7EXAMPLE.", "AKIAIOSFODNN7EXAMPLE")]
    [InlineData("token ghp_16C7e42F292c6912E7710c838347Ae178B4a", "ghp_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("token gho_16C7e42F292c6912E7710c838347Ae178B4a", "gho_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("token ghs_16C7e42F292c6912E7710c838347Ae178B4a", "ghs_16C7e42F292c6912E7710c838347Ae178B4a")]
    [InlineData("github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv", "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv")]
    [InlineData("slack xoxb-123456789012-1234567890123-AbCdEfGhIjKl", "xoxb-123456789012-1234567890123-AbCdEfGhIjKl")]
    [InlineData("slack xoxp-123456789012-abcdef", "xoxp-123456789012-abcdef")]
    public void Recognize_ApiKey_ReturnsKey(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Found(text));
    }

    [Fact]
    public void Recognize_Jwt_ReturnsWholeToken()
    {
        Assert.Equal([Jwt], _recognizer.Found($"Authorization: Bearer {Jwt}"));
    }

    [Fact]
    public void Recognize_PemPrivateKey_ReturnsWholeBlock()
    {
        Assert.Equal([PrivateKey], _recognizer.Found($"here is the key:\n{PrivateKey}\nthanks"));
    }

    [Fact]
    public void Recognize_PemPrivateKeyWithoutEnd_ReturnsKeyMaterial()
    {
        var truncated = PrivateKey[..PrivateKey.IndexOf("-----END", StringComparison.Ordinal)];

        var found = Assert.Single(_recognizer.Found(truncated + "... (cut off)"));

        Assert.StartsWith(truncated.TrimEnd(), found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("we use sk-learn for models")]
    [InlineData("task-abcdefghijklmnopqrstuvwxyz0123")]
    [InlineData("AKIA1234")]
    [InlineData("ghp_short")]
    [InlineData("eyJhbGciOiJIUzI1NiJ9 without dots")]
    [InlineData("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----")]
    public void Recognize_NotACredential_ReturnsNothing(string text)
    {
        Assert.Empty(_recognizer.Found(text));
    }
}
