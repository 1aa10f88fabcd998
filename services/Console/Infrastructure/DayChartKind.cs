namespace SlmPlatform.Console.Infrastructure;

/// <summary>How a day chart draws its series.</summary>
public enum DayChartKind
{
    Columns,
    StackedColumns,
    Lines,
}
