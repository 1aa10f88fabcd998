namespace SlmPlatform.Evaluation;

/// <summary>
/// A share of successes with its 95 % Wilson score interval, which stays inside [0, 1] and is honest for small n and for
/// shares near 0 or 1 — where specialists at parity live (0.95 of 40 examples is not 0.95 ± 0.07).
/// </summary>
public readonly record struct Proportion(int Successes, int Count)
{
    private const double Z = 1.959963984540054;

    public double Value => Count == 0 ? double.NaN : (double)Successes / Count;

    public double Low => Bound(-1);

    public double High => Bound(+1);

    private double Bound(int sign)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        // At the edges the formula lands a rounding error away from the exact 0 or 1.
        if ((sign > 0 && Successes == Count) || (sign < 0 && Successes == 0))
        {
            return sign > 0 ? 1 : 0;
        }

        var n = (double)Count;
        var p = Successes / n;
        var centre = p + Z * Z / (2 * n);
        var spread = Z * Math.Sqrt(p * (1 - p) / n + Z * Z / (4 * n * n));
        return Math.Clamp((centre + sign * spread) / (1 + Z * Z / n), 0, 1);
    }

    public static Proportion Of(IEnumerable<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var (successes, count) = (0, 0);
        foreach (var outcome in outcomes)
        {
            count++;
            successes += outcome ? 1 : 0;
        }

        return new Proportion(successes, count);
    }
}
