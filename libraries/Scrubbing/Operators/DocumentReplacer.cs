using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.Scrubbing;

/// <summary>
/// The replacement operator for one document of one tenant: applies the policy's operator per type, numbers
/// placeholders within the document and derives surrogates and hashes from the tenant-keyed HMAC.
/// </summary>
/// <remarks>One instance per document; not thread-safe.</remarks>
internal sealed class DocumentReplacer(ScrubPolicy policy, string tenantId, ScrubOperator? only) : IReplacementOperator
{
    private readonly Dictionary<(string Type, string Value), string> _placeholders = [];
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);

    public string Replace(EntityMatch match, string originalValue)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(originalValue);
        return (only ?? policy.OperatorFor(tenantId, match.EntityType)) switch
        {
            ScrubOperator.Surrogate => Surrogates.Create(match.EntityType, originalValue, Digest(match.EntityType, originalValue)),
            ScrubOperator.Placeholder => Placeholder(match.EntityType, originalValue),
            ScrubOperator.Mask => new string('*', originalValue.Length),
            ScrubOperator.Hash => Convert.ToHexStringLower(Digest(match.EntityType, originalValue), 0, 8),
            ScrubOperator.Drop => string.Empty,
            var other => throw new InvalidOperationException($"Unknown operator {other}."),
        };
    }

    private string Placeholder(string type, string value)
    {
        if (!_placeholders.TryGetValue((type, value), out var placeholder))
        {
            var number = _numbers[type] = _numbers.GetValueOrDefault(type) + 1;
            placeholder = string.Create(CultureInfo.InvariantCulture, $"<{type}_{number}>");
            _placeholders[(type, value)] = placeholder;
        }

        return placeholder;
    }

    // HMAC-SHA256(key, tenant \0 type \0 value): the same value gets the same surrogate within a tenant only, and
    // without the key nobody can test a guess against it.
    private byte[] Digest(string type, string value) =>
        HMACSHA256.HashData(policy.Key, Encoding.UTF8.GetBytes($"{tenantId}\0{type}\0{value.Trim()}"));
}
