using Deque.AxeCore.Playwright;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SlmPlatform.Contracts;
using SlmPlatform.Testing;
using SlmPlatform.Testing.Browser;

namespace SlmPlatform.Console.BrowserTests;

/// <summary>
/// The console in Debian's chromium, driven by Playwright (its own browser download cannot work here, so the browser
/// is the system's, by path): sign in, the overview, the tasks, a task's page, privacy and models with their charts; no
/// serious or critical accessibility
/// violation on any of them (axe). Screenshots go to <c>SLM_CONSOLE_SCREENSHOTS</c> when it is set.
/// </summary>
public sealed class ConsoleBrowserTests : IAsyncLifetime
{
    private StubTasksService _tasks = null!;
    private ConsoleServer _console = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        if (!SystemChromium.IsInstalled)
        {
            Assert.Skip(SystemChromium.Missing);
        }

        _tasks = await StubTasksService.StartAsync();
        _console = new ConsoleServer(_tasks.BaseUrl, await TestVirtualHost.CreateAsync(TestContext.Current.CancellationToken));
        _address = _console.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await SystemChromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task ATeamSignsIn_AndSeesItsOverviewTasksAndATasksPromotion()
    {
        var page = await _browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

        await page.GotoAsync(new Uri(_address, "/tasks").ToString());
        Assert.EndsWith("/signin?ReturnUrl=%2Ftasks", page.Url, StringComparison.Ordinal);
        await AccessibleAsync(page, "signin");
        await page.FillAsync("#api_key", "slm_not-a-key");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=That key is unknown, revoked or expired.");

        await page.FillAsync("#api_key", StubTasksService.Key);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Savings by task");
        await page.WaitForSelectorAsync(".day-chart svg path");
        Assert.Contains("2,614", await page.ContentAsync(), StringComparison.Ordinal);
        await AccessibleAsync(page, "overview");

        await page.ClickAsync("text=Tasks");
        await page.WaitForSelectorAsync($"a:has-text('{StubTasksService.Router.Name}')");
        await AccessibleAsync(page, "tasks");

        await page.ClickAsync($"a:has-text('{StubTasksService.Router.Name}')");
        await page.WaitForSelectorAsync("text=Promotion decisions");
        var content = await page.ContentAsync();
        Assert.Contains("Online agreement 0.983", content, StringComparison.Ordinal);
        await page.WaitForSelectorAsync("mark.stand-in[data-type=PERSON]:has-text('Anna Berg')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.topics-chart svg path').length > 2");
        Assert.DoesNotContain(StubTasksService.Key, content, StringComparison.Ordinal);
        await AccessibleAsync(page, "task");

        // What the scrubber replaced, charted; a model's evaluations, charted with their intervals.
        await page.GotoAsync(new Uri(_address, "/privacy").ToString());
        await page.WaitForSelectorAsync(".replacements-chart svg path");
        Assert.Contains("EMAIL_ADDRESS", await page.ContentAsync(), StringComparison.Ordinal);
        await AccessibleAsync(page, "privacy");
        await page.GotoAsync(new Uri(_address, "/models").ToString());
        await ClickOnceInteractiveAsync(page, "fluent-button:has-text('Show')", "text=0.970 (0.950–0.982)");
        Assert.True(await page.Locator(".agreement-chart svg path").CountAsync() > 3, "The evaluations chart drew no lines.");
        await AccessibleAsync(page, "models");
        await page.GotoAsync(new Uri(_address, "/promotions").ToString());
        await page.WaitForSelectorAsync("text=Waiting for approval");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('.day-chart svg path').length > 2");
        Assert.Contains("reaches the bar 0.95", await page.ContentAsync(), StringComparison.Ordinal);
        await AccessibleAsync(page, "promotions");

        // Training: a job's progress bar, a dataset version, and its export downloaded through the console with the cookie.
        await page.GotoAsync(new Uri(_address, "/training").ToString());
        await page.WaitForSelectorAsync("text=487 / 61 / 61");
        await page.WaitForSelectorAsync("text=training: epoch 12 of 40");
        await AccessibleAsync(page, "training");

        // Training announces an epoch on the bus: the bar moves without a reload (the stand-in still says epoch 12).
        await EventuallyShownAsync(page, "text=training: epoch 31 of 40", () => _console.Services.GetRequiredService<IBus>().Publish(
            new FineTuneProgressed(Guid.NewGuid(), "tenant", StubTasksService.RunningJob, 0, 1, 31, 40, 310, 400, 0.2, 0.31, 0.93, 45, DateTimeOffset.UtcNow)));
        Assert.Equal("77", await page.GetAttributeAsync("progress", "value"));
        var export = await page.APIRequest.GetAsync(new Uri(_address, "/datasets/ds-router-1/export?format=openai").ToString());
        Assert.Equal(200, export.Status);
        Assert.Contains("card_arrival", await export.TextAsync(), StringComparison.Ordinal);
        var anonymous = await _browser.NewContextAsync();
        var refused = await anonymous.APIRequest.GetAsync(new Uri(_address, "/datasets/ds-router-1/export?format=openai").ToString(), new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.NotEqual(200, refused.Status);
        await anonymous.DisposeAsync();

        // A phone's width: the same page still reads.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync(new Uri(_address, "/tasks").ToString());
        await page.WaitForSelectorAsync($"a:has-text('{StubTasksService.Router.Name}')");
        await AccessibleAsync(page, "tasks-phone");
    }

    /// <summary>
    /// Does <paramref name="act"/> until <paramref name="shown"/> appears: a message published before the console's
    /// queue is bound to its exchange reaches nobody, so it is published again.
    /// </summary>
    private static async Task EventuallyShownAsync(IPage page, string shown, Func<Task> act)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await act();
            try
            {
                await page.WaitForSelectorAsync(shown, new PageWaitForSelectorOptions { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
                // Not bound yet, or the page not interactive yet.
            }
        }

        await page.WaitForSelectorAsync(shown);
    }

    /// <summary>
    /// Clicks a button that works once the page is interactive: a prerendered page shows it before its circuit is
    /// connected, and a click then does nothing, so the click is repeated until what it shows appears.
    /// </summary>
    private static async Task ClickOnceInteractiveAsync(IPage page, string button, string shown)
    {
        for (var attempt = 0; attempt < 30; attempt++)
        {
            await page.ClickAsync(button);
            try
            {
                await page.WaitForSelectorAsync(shown, new PageWaitForSelectorOptions { Timeout = 1_000 });
                return;
            }
            catch (TimeoutException)
            {
                // Not interactive yet.
            }
        }

        await page.WaitForSelectorAsync(shown);
    }

    private static async Task AccessibleAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length} nodes)").ToList();
        Assert.True(serious.Count == 0, $"{name}: {string.Join("; ", serious)}");
    }

    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SLM_CONSOLE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_console is not null)
        {
            await _console.DisposeAsync();
        }

        if (_tasks is not null)
        {
            await _tasks.DisposeAsync();
        }
    }
}
