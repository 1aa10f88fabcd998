using System.CommandLine;
using System.Diagnostics.CodeAnalysis;

namespace SlmPlatform.Benchmarks;

/// <summary>How every harness reads its command line, and ends on help or a usage error.</summary>
public static class HarnessCommandLine
{
    // No harness ever expanded @file arguments, and a value such as a folder name may begin with '@'.
    private static readonly ParserConfiguration Configuration = new() { ResponseFileTokenReplacer = null };

    /// <summary>
    /// Parses <paramref name="args"/>. False when they asked for help or the version, or were wrong: that has been
    /// written, and <paramref name="exitCode"/> is what the program should end with.
    /// </summary>
    public static bool TryParse(this RootCommand command, string[] args, [NotNullWhen(true)] out ParseResult? parsed, out int exitCode)
    {
        var result = command.Parse(args, Configuration);
        parsed = result.Action is null ? result : null;
        exitCode = 0;
        if (parsed is not null)
        {
            return true;
        }

        var code = result.Invoke();

        // A usage error ends with 2, as it did before System.CommandLine (which gives 1), so scripts still tell it apart.
        exitCode = result.Errors.Count > 0 ? 2 : code;
        return false;
    }
}
