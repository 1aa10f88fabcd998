namespace SlmPlatform.Scrubbing.UnitTests.Recognizers;

public sealed class ContextRecognizerTests
{
    private static IEnumerable<(string Type, string Value)> Find(HealthAndIdentityRecognizer recognizer, string text) =>
        recognizer.Recognize(text).OrderBy(m => m.Start).Select(m => (m.EntityType, text.Substring(m.Start, m.Length)));

    [Theory]
    [InlineData("Patient MRN: 00482913, admitted Monday.", EntityTypes.MedicalRecordNumber, "00482913")]
    [InlineData("Member ID XJK-4482-991 is active.", EntityTypes.HealthPlanNumber, "XJK-4482-991")]
    [InlineData("Referring NPI 1234567893 signed it.", EntityTypes.UsNpi, "1234567893")]
    [InlineData("DOB: 03/05/1980", EntityTypes.DateOfBirth, "03/05/1980")]
    [InlineData("She was born on March 5, 1980 in Ohio.", EntityTypes.DateOfBirth, "March 5, 1980")]
    [InlineData("Passport number C03005988, expires 2030.", EntityTypes.UsPassport, "C03005988")]
    [InlineData("Driver's license D1234-5678-9012.", EntityTypes.UsDriverLicense, "D1234-5678-9012")]
    [InlineData("Diagnosis: E11.9 with neuropathy.", EntityTypes.Icd10Code, "E11.9")]
    public void HealthAndIdentity_LabelledValues_AreFound(string text, string type, string value)
    {
        Assert.Contains((type, value), Find(new HealthAndIdentityRecognizer(), text));
    }

    [Theory]
    [InlineData("Order 00482913 shipped on 03/05/1980.")]
    [InlineData("NPI 1234567890 fails the check digit.")]
    [InlineData("See table C50 in the appendix.")]
    public void HealthAndIdentity_UnlabelledOrInvalid_AreNotFound(string text)
    {
        Assert.Empty(Find(new HealthAndIdentityRecognizer(), text));
    }

    [Fact]
    public void Icd10_CodeWithDotInTextNamingAPerson_IsFound()
    {
        Assert.Contains((EntityTypes.Icd10Code, "J45.909"), Find(new HealthAndIdentityRecognizer(), "Maria Garcia: J45.909, follow up in May."));
    }

    [Theory]
    [InlineData("device 00:1A:2B:3C:4D:5E joined", "00:1A:2B:3C:4D:5E")]
    [InlineData("mac 001a.2b3c.4d5e", "001a.2b3c.4d5e")]
    public void MacAddress_IsFound(string text, string value)
    {
        Assert.Equal([value], new MacAddressRecognizer().Found(text));
    }

    [Theory]
    [InlineData("send to 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa now", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    [InlineData("bech32 bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4 ok", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData("eth 0x52908400098527886E0F7030069857D2E4169EE7", "0x52908400098527886E0F7030069857D2E4169EE7")]
    public void CryptoWallet_ValidAddresses_AreFound(string text, string value)
    {
        Assert.Equal([value], new CryptoWalletRecognizer().Found(text));
    }

    [Fact]
    public void CryptoWallet_BadChecksum_IsNotFound()
    {
        Assert.Empty(new CryptoWalletRecognizer().Found("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5"));
    }

    [Theory]
    [InlineData("my password: Tr0ub4dor&3 thanks", "Tr0ub4dor&3")]
    [InlineData("api_key=9fK2xQ7vLm3Zp8RtW1bN5cY", "9fK2xQ7vLm3Zp8RtW1bN5cY")]
    [InlineData("postgres://admin:s3cr3tPass@db.internal:5432/app", "s3cr3tPass")]
    [InlineData("GET https://api.example.com/v1?access_token=abc123XYZ789&page=2", "abc123XYZ789")]
    public void Secret_LabelledOrEmbedded_IsFoundAlone(string text, string value)
    {
        Assert.Equal([value], new SecretRecognizer().Found(text));
    }

    [Fact]
    public void Secret_LowEntropyWordAfterKey_IsNotFound()
    {
        Assert.Empty(new SecretRecognizer().Found("the key takeaway is documentation-first"));
    }
}
