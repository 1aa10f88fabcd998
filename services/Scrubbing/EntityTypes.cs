namespace SlmPlatform.Scrubbing;

/// <summary>Entity type names; they appear in placeholders and in stored counts, so they must stay stable.</summary>
public static class EntityTypes
{
    public const string EmailAddress = "EMAIL_ADDRESS";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string CreditCard = "CREDIT_CARD";
    public const string IbanCode = "IBAN_CODE";
    public const string UsSsn = "US_SSN";
    public const string IpAddress = "IP_ADDRESS";
    public const string Credential = "CREDENTIAL";
}
