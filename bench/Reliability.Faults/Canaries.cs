namespace SlmPlatform.Reliability.Faults;

/// <summary>
/// Personal data made up for one run, planted in every call: an e-mail address and a card number (Luhn-valid), each
/// carrying a token of the run's own that nothing else can contain. Finding a token anywhere but in the client's
/// memory means a raw value got through.
/// </summary>
internal sealed class Canaries
{
    public Canaries()
    {
        var run = Random.Shared.Next(10_000_000, 99_999_999);
        EmailToken = $"fc{run}";
        CardToken = $"4{run}";
    }

    /// <summary>The part of every planted e-mail address that a surrogate cannot contain.</summary>
    public string EmailToken { get; }

    /// <summary>The first nine digits of every planted card number.</summary>
    public string CardToken { get; }

    public IReadOnlyList<string> Tokens => [EmailToken, CardToken];

    public string Email(int n) => $"{EmailToken}.{n}@example.org";

    public string Card(int n)
    {
        var digits = $"{CardToken}{n % 1_000_000:000000}";
        return digits + LuhnCheckDigit(digits);
    }

    private static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            // Every second digit from the right of the full number (check digit included) is doubled.
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                digit = digit > 9 ? digit - 9 : digit;
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }
}
