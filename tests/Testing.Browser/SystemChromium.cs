using Microsoft.Playwright;

namespace SlmPlatform.Testing.Browser;

/// <summary>
/// Debian's chromium, driven by Playwright: Playwright's own browser download cannot work here, so the browser is the
/// system's, by path (docs/console.md, "Browser tests here").
/// </summary>
public static class SystemChromium
{
    public const string Path = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Why a browser test skips where chromium is missing.</summary>
    public const string Missing = $"No {Path}: install Debian's chromium (./test.sh does) to run the browser tests.";

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Path,
        Headless = true,
        // The machine has no network beyond loopback: keep chromium from trying.
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
