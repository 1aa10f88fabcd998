namespace SlmPlatform.Console.Infrastructure;

/// <summary>
/// The promotions page's editor for the tenant's policy. It holds what the person typed and sends it as it is: the
/// tasks service checks every field and the page shows what it refused, naming the field.
/// </summary>
public sealed class PolicyForm
{
    public string Approval { get; set; } = Approvals.Automatic;

    public double Bar { get; set; }

    public double CanaryShare { get; set; }

    public double Sample { get; set; }

    public int MinOnlineSamples { get; set; }

    public double MinCoverage { get; set; }

    public double RetrainGrowth { get; set; }

    public int NewLabelCalls { get; set; }

    public static PolicyForm From(PromotionPolicy policy) => new()
    {
        Approval = policy.Approval,
        Bar = policy.Bar,
        CanaryShare = policy.CanaryShare,
        Sample = policy.Sample,
        MinOnlineSamples = policy.MinOnlineSamples,
        MinCoverage = policy.MinCoverage,
        RetrainGrowth = policy.RetrainGrowth,
        NewLabelCalls = policy.NewLabelCalls,
    };

    public PromotionPolicy ToPolicy() => new(Approval, Bar, CanaryShare, Sample, MinOnlineSamples, RetrainGrowth, NewLabelCalls, MinCoverage);
}
