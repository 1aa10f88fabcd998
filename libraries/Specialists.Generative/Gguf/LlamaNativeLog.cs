using LLama.Native;
using Microsoft.Extensions.Logging;

namespace SlmPlatform.Specialists.Generative;

/// <summary>llama.cpp writes every tensor it loads or quantises to stdout; a service (and a test run) needs its
/// warnings and errors only. Configured once per process, before the native library is first used.</summary>
public static class LlamaNativeLog
{
    private static readonly Lock Gate = new();
    private static bool s_configured;
    private static ILogger? s_logger;

    /// <summary>Sends llama.cpp's warnings and errors to <paramref name="logger"/> instead of standard error.</summary>
    public static void UseLogger(ILogger logger)
    {
        s_logger = logger;
        EnsureConfigured();
    }

    internal static void EnsureConfigured()
    {
        lock (Gate)
        {
            if (s_configured)
            {
                return;
            }

            NativeLogConfig.llama_log_set(Forward);
            s_configured = true;
        }
    }

    private static void Forward(LLamaLogLevel level, string message)
    {
        if (level is not (LLamaLogLevel.Warning or LLamaLogLevel.Error))
        {
            return;
        }

        var logLevel = level == LLamaLogLevel.Error ? LogLevel.Error : LogLevel.Warning;
        if (s_logger is not { } logger)
        {
            Console.Error.WriteLine($"llama.cpp: {message.TrimEnd()}");
        }
        else if (logger.IsEnabled(logLevel))
        {
            logger.Log(logLevel, "llama.cpp: {Message}", message.TrimEnd());
        }
    }
}
