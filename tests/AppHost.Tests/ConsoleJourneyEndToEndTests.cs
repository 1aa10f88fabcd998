using SlmPlatform.Testing;
using SlmPlatform.Testing.Browser;
using Microsoft.Playwright;

namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// A team's journey through the console on the running platform, in Debian's chromium: sign in with the platform's
/// key, see the agent's captured task and open it, start a fine-tune for it and watch its progress bar move until the
/// model is ready, approve the promotion the policy recommends (manual approval) and see the task go to shadow, then
/// issue a key, use it, and revoke it.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ConsoleJourneyEndToEndTests(LocalPlatformFixture platform) : IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (!SystemChromium.IsInstalled)
        {
            Assert.Skip(SystemChromium.Missing);
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await SystemChromium.LaunchAsync(_playwright);
    }

    [Fact]
    public async Task ATeamSignsIn_FineTunesItsTask_ApprovesThePromotion_AndIssuesAndRevokesAKey()
    {
        using var tasks = platform.CreateClient("tasks");
        var agent = $"e2e-console-{Guid.NewGuid():N}";
        var (taskId, taskName) = await platform.CaptureRouterTaskAsync(agent);
        var policyBefore = await tasks.GetStringAsync("/api/promotion-policy", Token);
        using (var manual = await tasks.PutAsJsonAsync("/api/promotion-policy", new { approval = "manual", bar = 0.5, min_coverage = 0.2 }, Token))
        {
            Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        }

        try
        {
            var console = platform.App.GetEndpoint("console", "http");
            var page = await _browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = console.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });

            await page.GotoAsync("/signin");
            await page.FillAsync("#api_key", platform.ApiKey);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync("text=Calls captured per day");

            // The captured task, and its page.
            await page.GotoAsync("/tasks");
            await InteractiveAsync(page);
            await page.ClickAsync($"a:has-text('{taskName}')");
            // The task's page reads five APIs on a machine the platform shares with its own background work.
            await page.WaitForSelectorAsync("text=Sample calls", new PageWaitForSelectorOptions { Timeout = 90_000 });
            await ScreenshotAsync(page, "journey-task");
            Assert.Contains("160 calls", await page.InnerTextAsync("main"), StringComparison.Ordinal);

            // A fine-tune started from the training page; its bar moves as training announces epochs.
            await page.GotoAsync("/training");
            await InteractiveAsync(page);
            await EnabledAsync(page, "Start fine-tune");
            await page.ClickAsync("#job_task");
            await page.ClickAsync($"fluent-option[value='{taskId}']");
            await page.EvaluateAsync(RecordBarValues);
            await page.ClickAsync("fluent-button:has-text('Start fine-tune')");
            var progress = await WatchProgressAsync(page, taskName);
            Assert.True(progress.Distinct().Count() >= 2 && progress[^1] == 100, $"The bar showed {string.Join(", ", progress)}.");
            await ScreenshotAsync(page, "journey-training");

            // The model is scored as served; under manual approval the policy recommends shadow, and a person approves.
            await page.GotoAsync("/promotions");
            var approve = $"fluent-button[aria-label='Approve: {taskName} to shadow']";
            await Eventually.ReadAsync(async () =>
            {
                await page.ReloadAsync();
                await page.WaitForSelectorAsync("text=Waiting for approval");
                return await page.Locator(approve).CountAsync();
            }, count => count > 0, TimeSpan.FromMinutes(2), Token, TimeSpan.FromSeconds(2));
            await InteractiveAsync(page);
            await page.WaitForSelectorAsync(approve);
            await page.WaitForSelectorAsync("[aria-label='Promotion decisions, newest first']");
            await ScreenshotAsync(page, "journey-promotions");
            await page.ClickAsync(approve);
            await page.WaitForSelectorAsync($"text=Approved: {taskName} — to shadow");
            var task = await tasks.GetFromJsonAsync<JsonElement>($"/api/tasks/{taskId}", Token);
            Assert.Equal("shadow", task.GetProperty("specialist").GetProperty("mode").GetString());

            // A key for a dashboard: issued, shown once, accepted; revoked, refused.
            await page.GotoAsync("/settings");
            await InteractiveAsync(page);
            await EnabledAsync(page, "Issue key");
            var keyName = $"dashboard {Guid.NewGuid():N}"[..20];
            // Fluent's text field keeps its input in its shadow root, and tells Blazor of the value when it changes.
            await page.FillAsync("#key_name input", keyName);
            await page.PressAsync("#key_name input", "Tab");
            await CheckAsync(page, "#scope_capture");
            await CheckAsync(page, "#scope_read");
            await page.ClickAsync("fluent-button:has-text('Issue key')");
            var issued = (await (await page.WaitForSelectorAsync("[data-testid=issued-key]"))!.InnerTextAsync()).Trim();
            Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(issued));
            var revoke = $"fluent-button[aria-label='Revoke {keyName}']:not([disabled])";
            await page.WaitForSelectorAsync(revoke);
            await page.ClickAsync(revoke);
            Assert.Equal(HttpStatusCode.Unauthorized, await Eventually.ReadAsync(
                () => StatusWithAsync(issued), status => status == HttpStatusCode.Unauthorized, TimeSpan.FromSeconds(30), Token, TimeSpan.FromSeconds(1)));
            Assert.DoesNotContain(platform.ApiKey, await page.ContentAsync(), StringComparison.Ordinal);
        }
        finally
        {
            using var restored = await tasks.PutAsync("/api/promotion-policy", new StringContent(policyBefore, Encoding.UTF8, "application/json"), Token);
        }
    }

    /// <summary>
    /// Ticks a Fluent checkbox: a click that lands while the page re-renders after another field changed can be undone by
    /// that render (CI saw a key issued without its read scope), so it clicks until the box stays ticked.
    /// </summary>
    private static async Task CheckAsync(IPage page, string selector)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await page.GetAttributeAsync(selector, "aria-checked") != "true")
            {
                await page.ClickAsync(selector);
            }

            await Task.Delay(500, Token);
            if (await page.GetAttributeAsync(selector, "aria-checked") == "true")
            {
                return;
            }
        }

        Assert.Fail($"{selector} would not stay ticked");
    }

    /// <summary>
    /// Notes in the page every value a job's bar takes, as the browser applies it: a classifier head on a fast machine
    /// runs its epochs within a few hundred milliseconds, between two reads from the test (CI saw only the 100).
    /// </summary>
    private const string RecordBarValues = """
        () => {
            window.barValues = [];
            const note = (bar, value) => window.barValues.push({ label: bar.getAttribute('aria-label'), value: Number(value) });
            const bars = node => node.nodeType !== 1 ? [] : node.matches('progress.job-progress') ? [node] : [...node.querySelectorAll('progress.job-progress')];
            new MutationObserver(records => {
                for (const record of records) {
                    if (record.type === 'attributes' && record.oldValue !== null && record.target.matches('progress.job-progress')) {
                        note(record.target, record.oldValue);
                    }

                    for (const added of record.addedNodes) {
                        bars(added).forEach(bar => note(bar, bar.getAttribute('value')));
                    }
                }
            }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['value'], attributeOldValue: true });
        }
        """;

    /// <summary>
    /// The values the task's job's bar took, in the order the page showed them, once the job succeeded (or failed, or four
    /// minutes passed).
    /// </summary>
    private static async Task<List<int>> WatchProgressAsync(IPage page, string taskName)
    {
        var row = page.Locator("tr", new PageLocatorOptions { HasText = taskName }).First;
        var bar = row.Locator("progress.job-progress");
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (DateTime.UtcNow < deadline)
        {
            var text = await row.CountAsync() > 0 ? await row.InnerTextAsync() : "";
            Assert.DoesNotContain("failed", text, StringComparison.Ordinal);
            if (text.Contains("succeeded", StringComparison.Ordinal) && await bar.CountAsync() > 0 && await bar.GetAttributeAsync("value") == "100")
            {
                var label = await bar.GetAttributeAsync("aria-label");
                var noted = JsonSerializer.Deserialize<BarValue[]>(await page.EvaluateAsync<string>("() => JSON.stringify(window.barValues)"), JsonSerializerOptions.Web)!;
                var values = noted.Where(v => v.Label == label).Select(v => v.Value).Append(100).ToList();
                return [.. values.Where((value, i) => i == 0 || values[i - 1] != value)];
            }

            await Task.Delay(100, Token);
        }

        return [];
    }

    private sealed record BarValue(string? Label, int Value);

    /// <summary>A screenshot into <c>SLM_CONSOLE_SCREENSHOTS</c> (an absolute folder), when it is set.</summary>
    private static async Task ScreenshotAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("SLM_CONSOLE_SCREENSHOTS") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
        }
    }

    /// <summary>Waits for a button the page disables while it reads its lists: a click on it before then is lost.</summary>
    private static async Task EnabledAsync(IPage page, string button) =>
        await page.WaitForSelectorAsync($"fluent-button:has-text('{button}'):not([disabled])", new PageWaitForSelectorOptions { Timeout = 60_000 });

    private static async Task InteractiveAsync(IPage page) =>
        await page.WaitForSelectorAsync("[data-circuit=connected]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private async Task<HttpStatusCode> StatusWithAsync(string key)
    {
        using var client = platform.App.CreateHttpClient("tasks", "http");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await client.GetAsync("/api/tasks", Token);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
