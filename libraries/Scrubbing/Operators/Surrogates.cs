using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Bogus;
using SlmPlatform.Scrubbing.Recognizers;

namespace SlmPlatform.Scrubbing;

/// <summary>
/// Realistic fakes, chosen by a digest of the value: names stay names, e-mails are valid addresses on reserved
/// domains, cards pass Luhn, IBANs pass mod 97, SSNs fall in the never-issued 9xx area, IPs in private or
/// documentation ranges. Other values keep their shape, each letter and digit replaced by one of its kind.
/// </summary>
internal static class Surrogates
{
    private static readonly string[] ReservedDomains = ["example.com", "example.org", "example.net"];

    // Building a Faker loads its data sets: one per thread, re-seeded for each value.
    [ThreadStatic]
    private static Faker? t_faker;

    public static string Create(string entityType, string original, byte[] digest)
    {
        var faker = t_faker ??= new Faker("en");
        faker.Random = new Randomizer(BinaryPrimitives.ReadInt32LittleEndian(digest));
        return entityType switch
        {
            EntityTypes.Person => Person(original, faker),
            EntityTypes.EmailAddress => Email(faker),
            EntityTypes.CreditCard => Card(original, digest),
            EntityTypes.IbanCode => Iban(original, digest),
            EntityTypes.UsSsn => Ssn(original, digest),
            EntityTypes.IpAddress => Ip(original, digest),
            EntityTypes.Location => faker.Address.City(),
            EntityTypes.StreetAddress => original.AsSpan().IndexOfAny(',', '\n') >= 0
                ? $"{faker.Address.StreetAddress()}, {faker.Address.City()}, {faker.Address.StateAbbr()} {faker.Address.ZipCode("#####")}"
                : faker.Address.StreetAddress(),
            EntityTypes.Organization => faker.Company.CompanyName(0),
            EntityTypes.DateOfBirth => Date(original, faker),
            EntityTypes.PhoneNumber => Shaped(original, digest, keepLeading: original.StartsWith('+') ? 2 : 0),
            _ => Shaped(original, digest, keepLeading: 0),
        };
    }

    private static string Person(string original, Faker faker)
    {
        var words = original.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var name = words <= 1 ? faker.Name.FirstName() : $"{faker.Name.FirstName()} {faker.Name.LastName()}";
        return original.Any(char.IsUpper) ? name : name.ToLowerInvariant();
    }

    private static string Email(Faker faker)
    {
        static string Clean(string value) => new([.. value.ToLowerInvariant().Where(char.IsAsciiLetterLower)]);
        return $"{Clean(faker.Name.FirstName())}.{Clean(faker.Name.LastName())}@{faker.PickRandom(ReservedDomains)}";
    }

    /// <summary>Keeps the separators and the network's first digit; the last digit makes it pass Luhn.</summary>
    private static string Card(string original, byte[] digest)
    {
        var chars = Shaped(original, digest, keepLeading: 1).ToCharArray();
        var digitPositions = Enumerable.Range(0, chars.Length).Where(i => char.IsAsciiDigit(chars[i])).ToList();
        var last = digitPositions[^1];
        for (var d = '0'; d <= '9'; d++)
        {
            chars[last] = d;
            if (Luhn.IsValid(new string([.. digitPositions.Select(i => chars[i])])))
            {
                break;
            }
        }

        return new string(chars);
    }

    /// <summary>The country stays; the account part is replaced; the check digits are computed anew.</summary>
    private static string Iban(string original, byte[] digest)
    {
        var compact = new string([.. original.Where(char.IsAsciiLetterOrDigit)]).ToUpperInvariant();
        if (compact.Length < 5)
        {
            return Shaped(original, digest, 0);
        }

        var bban = Shaped(compact[4..], digest, 0);
        for (var check = 2; check <= 98; check++)
        {
            var candidate = string.Create(CultureInfo.InvariantCulture, $"{compact[..2]}{check:00}{bban}");
            if (IbanChecksum.IsValid(candidate))
            {
                return original.Contains(' ', StringComparison.Ordinal) ? string.Join(' ', candidate.Chunk(4).Select(c => new string(c))) : candidate;
            }
        }

        return string.Concat(compact.AsSpan(0, 4), bban);
    }

    private static string Ssn(string original, byte[] digest)
    {
        var separator = original.Length == 11 ? original[3].ToString() : original.Length == 9 ? string.Empty : " ";
        var n = BinaryPrimitives.ReadUInt32LittleEndian(digest.AsSpan(4));
        return string.Create(CultureInfo.InvariantCulture, $"9{n % 100:00}{separator}{(n / 100 % 99) + 1:00}{separator}{(n / 10000 % 9999) + 1:0000}");
    }

    private static string Ip(string original, byte[] digest) =>
        original.Contains(':', StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"2001:db8::{digest[4]:x2}{digest[5]:x2}:{digest[6]:x2}{digest[7]:x2}")
            : string.Create(CultureInfo.InvariantCulture, $"10.{digest[4]}.{digest[5]}.{Math.Max((int)digest[6], 1)}");

    private static string Date(string original, Faker faker)
    {
        var date = faker.Date.Between(new DateTime(1940, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2005, 12, 31, 0, 0, 0, DateTimeKind.Utc));
        if (original.Any(char.IsLetter))
        {
            return date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);
        }

        if (original.Length >= 4 && original.AsSpan(0, 4).IndexOfAnyExceptInRange('0', '9') < 0)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var separator = original.FirstOrDefault(c => c is '/' or '.' or '-', '/');
        return date.ToString($"MM'{separator}'dd'{separator}'yyyy", CultureInfo.InvariantCulture);
    }

    /// <summary>Each digit, capital and small letter replaced by one of its kind; everything else kept.</summary>
    private static string Shaped(string original, byte[] digest, int keepLeading)
    {
        var builder = new StringBuilder(original.Length);
        var kept = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var c = original[i];
            if (kept < keepLeading && char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
                kept++;
                continue;
            }

            var r = digest[(i % (digest.Length - 8)) + 8] ^ (i * 31);
            builder.Append(c switch
            {
                _ when char.IsAsciiDigit(c) => (char)('0' + (r % 10)),
                _ when char.IsAsciiLetterUpper(c) => (char)('A' + (r % 26)),
                _ when char.IsAsciiLetterLower(c) => (char)('a' + (r % 26)),
                _ => c,
            });
        }

        return builder.ToString();
    }
}
