namespace SlmPlatform.Scrubbing;

/// <summary>Entity type names; they appear in placeholders and in stored counts, so they must stay stable.</summary>
/// <remarks>Where Presidio has a name for the same thing, it is Presidio's name.</remarks>
public static class EntityTypes
{
    public const string EmailAddress = "EMAIL_ADDRESS";
    public const string PhoneNumber = "PHONE_NUMBER";
    public const string CreditCard = "CREDIT_CARD";
    public const string IbanCode = "IBAN_CODE";
    public const string UsSsn = "US_SSN";
    public const string IpAddress = "IP_ADDRESS";
    public const string Credential = "CREDENTIAL";

    // Names, places and organisations, found by gazetteers and context (docs/adr/0003).
    public const string Person = "PERSON";
    public const string Location = "LOCATION";
    public const string StreetAddress = "STREET_ADDRESS";
    public const string Organization = "ORGANIZATION";

    // Health and identity documents, found by shape next to a context word.
    public const string DateOfBirth = "DATE_OF_BIRTH";
    public const string MedicalRecordNumber = "MEDICAL_RECORD_NUMBER";
    public const string HealthPlanNumber = "HEALTH_PLAN_NUMBER";
    public const string UsNpi = "US_NPI";
    public const string Icd10Code = "ICD10_CODE";
    public const string UsPassport = "US_PASSPORT";
    public const string UsDriverLicense = "US_DRIVER_LICENSE";
    public const string MacAddress = "MAC_ADDRESS";
    public const string Crypto = "CRYPTO";
}
