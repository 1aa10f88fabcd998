namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class TypedPlaceholderOperatorTests
{
    [Fact]
    public void Replace_Match_ReturnsTypeInAngleBrackets()
    {
        var replacement = new TypedPlaceholderOperator().Replace(new EntityMatch(EntityTypes.EmailAddress, 0, 5, 1.0), "a@b.c");

        Assert.Equal("<EMAIL_ADDRESS>", replacement);
    }
}
