namespace SlmPlatform.Scrubbing.UnitTests;

public sealed class OverlapResolverTests
{
    [Fact]
    public void Resolve_MatchInsideLongerMatch_KeepsLongerMatch()
    {
        var card = new EntityMatch(EntityTypes.CreditCard, 0, 19, 1.0);
        var phone = new EntityMatch(EntityTypes.PhoneNumber, 5, 9, 0.75);

        var resolved = OverlapResolver.Resolve([phone, card]);

        Assert.Equal([card], resolved);
    }

    [Fact]
    public void Resolve_SameSpan_KeepsHigherScore()
    {
        var ssn = new EntityMatch(EntityTypes.UsSsn, 3, 11, 0.85);
        var phone = new EntityMatch(EntityTypes.PhoneNumber, 3, 11, 0.75);

        var resolved = OverlapResolver.Resolve([phone, ssn]);

        Assert.Equal([ssn], resolved);
    }

    [Fact]
    public void Resolve_PartialOverlap_CoversBothAndTakesLongerType()
    {
        var shorter = new EntityMatch(EntityTypes.IpAddress, 0, 8, 1.0);
        var longer = new EntityMatch(EntityTypes.Credential, 5, 10, 0.5);

        var resolved = OverlapResolver.Resolve([shorter, longer]);

        Assert.Equal([new EntityMatch(EntityTypes.Credential, 0, 15, 0.5)], resolved);
    }

    [Fact]
    public void Resolve_ProvenValueInsideALongerPlace_NamesTheWholeSpan()
    {
        var place = new EntityMatch(EntityTypes.Location, 10, 27, 0.9);
        var iban = new EntityMatch(EntityTypes.IbanCode, 15, 22, 1.0);

        var resolved = OverlapResolver.Resolve([place, iban]);

        Assert.Equal([new EntityMatch(EntityTypes.IbanCode, 10, 27, 1.0)], resolved);
    }

    [Fact]
    public void Resolve_UnprovenValueInsideALongerAddress_KeepsTheAddress()
    {
        var address = new EntityMatch(EntityTypes.StreetAddress, 0, 40, 0.85);
        var phone = new EntityMatch(EntityTypes.PhoneNumber, 25, 12, 0.75);

        var resolved = OverlapResolver.Resolve([address, phone]);

        Assert.Equal([address], resolved);
    }

    [Fact]
    public void Resolve_DisjointAndTouchingMatches_KeepsAllInStartOrder()
    {
        var third = new EntityMatch(EntityTypes.EmailAddress, 20, 5, 1.0);
        var first = new EntityMatch(EntityTypes.IpAddress, 0, 5, 1.0);
        var second = new EntityMatch(EntityTypes.IpAddress, 5, 5, 1.0);

        var resolved = OverlapResolver.Resolve([third, first, second]);

        Assert.Equal([first, second, third], resolved);
    }

    [Fact]
    public void Resolve_ChainOfOverlaps_BecomesOneSpan()
    {
        var resolved = OverlapResolver.Resolve(
        [
            new EntityMatch(EntityTypes.PhoneNumber, 0, 4, 0.75),
            new EntityMatch(EntityTypes.CreditCard, 3, 6, 1.0),
            new EntityMatch(EntityTypes.PhoneNumber, 8, 4, 0.75),
        ]);

        Assert.Equal([new EntityMatch(EntityTypes.CreditCard, 0, 12, 1.0)], resolved);
    }

    [Fact]
    public void Resolve_EmptyMatch_IsDropped()
    {
        Assert.Empty(OverlapResolver.Resolve([new EntityMatch(EntityTypes.EmailAddress, 4, 0, 1.0)]));
    }
}
