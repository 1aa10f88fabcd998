using System.Globalization;

namespace SlmPlatform.Scrubbing.UnitTests.Properties;

/// <summary>Random but valid values of every structured type, and filler text that holds no entity of its own.</summary>
internal sealed class PlantedValues(int seed)
{
    private static readonly string[] Filler =
    [
        "please", "check", "the", "order", "status", "and", "reply", "with", "details", "for", "our", "records", "today",
        "we", "need", "this", "before", "noon", "thanks", "a", "lot", "update", "ticket", "about", "refund", "request",
    ];

    private readonly Random _random = new(seed);

    public string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Filler[_random.Next(Filler.Length)]));

    /// <summary>One value of a type picked at random, with the type's name.</summary>
    public (string Type, string Value) Any() => _random.Next(10) switch
    {
        0 => (EntityTypes.EmailAddress, $"{Letters(6)}.{Letters(5)}@{Letters(7)}.com"),
        1 => (EntityTypes.PhoneNumber, $"+44 20 7946 0{_random.Next(100, 1000)}"),
        2 => (EntityTypes.CreditCard, Card()),
        3 => (EntityTypes.IbanCode, Iban()),
        4 => (EntityTypes.UsSsn, $"{_random.Next(1, 666):000}-{_random.Next(1, 100):00}-{_random.Next(1, 10000):0000}"),
        5 => (EntityTypes.IpAddress, $"{_random.Next(1, 224)}.{_random.Next(256)}.{_random.Next(256)}.{_random.Next(1, 255)}"),
        6 => (EntityTypes.Credential, $"sk-{Alphanumeric(32)}"),
        7 => (EntityTypes.MacAddress, string.Join(':', Enumerable.Range(0, 6).Select(_ => _random.Next(256).ToString("X2", CultureInfo.InvariantCulture)))),
        8 => (EntityTypes.Crypto, "0x" + string.Concat(Enumerable.Range(0, 40).Select(_ => "0123456789abcdef"[_random.Next(16)]))),
        _ => (EntityTypes.IpAddress, $"2001:db8:{_random.Next(1, 0xffff):x}::{_random.Next(1, 0xffff):x}"),
    };

    /// <summary>Text with one to three planted values among filler words.</summary>
    public (string Text, List<string> Planted) Sentence()
    {
        var planted = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Any().Value).ToList();
        var parts = planted.Select(v => $"{Words(_random.Next(1, 6))} {v}").Append(Words(_random.Next(0, 4)));
        return (string.Join(' ', parts).Trim(), planted);
    }

    private string Card()
    {
        var digits = "4" + string.Concat(Enumerable.Range(0, 14).Select(_ => (char)('0' + _random.Next(10))));
        var check = Enumerable.Range(0, 10).Select(d => digits + d).First(c => Luhn.IsValid(c));
        return _random.Next(2) == 0 ? check : string.Join(' ', check.Chunk(4).Select(c => new string(c)));
    }

    private string Iban()
    {
        var account = string.Concat(Enumerable.Range(0, 18).Select(_ => (char)('0' + _random.Next(10))));
        return Enumerable.Range(2, 97).Select(c => $"DE{c:00}{account}").First(c => IbanChecksum.IsValid(c));
    }

    private string Letters(int count) => string.Concat(Enumerable.Range(0, count).Select(_ => (char)('a' + _random.Next(26))));

    private string Alphanumeric(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[_random.Next(62)]));
}
