using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace SlmPlatform.Benchmarks;

/// <summary>Options that several harnesses have, and how they read numbers and paths.</summary>
public static class HarnessOptions
{
    /// <summary>The <c>--data</c> option of the harnesses that read the shared data sets (<see cref="DataPaths.FindSharedData"/>).</summary>
    public static Option<string> SharedData() => new("--data")
    {
        Description = $"the shared data folder (default: ${DataPaths.SharedDataVariable}, else ../shared/data beside the repository)",
        HelpName = "SHARED_DATA_DIR",
    };

    /// <summary>An option for a number, read with the invariant culture.</summary>
    public static Option<T> Number<T>(string name, string helpName, string description, T defaultValue)
        where T : struct, IParsable<T> => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = Invariant<T>,
    };

    /// <summary>An option for a number without a default: null when it is not given.</summary>
    public static Option<T?> OptionalNumber<T>(string name, string helpName, string description)
        where T : struct, IParsable<T> => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result => Invariant<T>(result),
    };

    /// <summary>An option for a whole number of at least <paramref name="least"/>, digits only (no sign, no spaces).</summary>
    public static Option<int> WholeNumber(string name, string description, int defaultValue, int least = 1) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens[^1].Value;
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least)
            {
                return number;
            }

            result.AddError($"{name} needs a whole number of at least {least}, not '{token}'.");
            return default;
        },
    };

    /// <summary>
    /// An option for a file, made a full path against the directory the run was started in: the services the harnesses
    /// start run in their own folders. Null when it is not given.
    /// </summary>
    public static Option<string> FullPath(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "PATH",
        CustomParser = result =>
        {
            var token = result.Tokens[^1].Value;
            if (token.Length > 0)
            {
                return Path.GetFullPath(token);
            }

            result.AddError($"{name} needs a path, not ''.");
            return null;
        },
    };

    // The invariant culture, as the harnesses always read numbers: System.CommandLine's own parsers follow the
    // machine's culture, where "2.5" can mean 25.
    private static T Invariant<T>(ArgumentResult result)
        where T : struct, IParsable<T>
    {
        var token = result.Tokens[^1].Value;
        if (T.TryParse(token, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var option = result.Parent is OptionResult parent ? parent.Option.Name : result.Argument.Name;
        result.AddError($"Cannot parse argument '{token}' for option '{option}' as expected type '{typeof(T)}'.");
        return default;
    }
}
