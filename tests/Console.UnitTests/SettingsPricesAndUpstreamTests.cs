using System.Text.Json;
using Microsoft.FluentUI.AspNetCore.Components;
using SlmPlatform.Console.Components.Settings;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class SettingsPricesAndUpstreamTests : ConsoleTestContext
{
    [Fact]
    public void ThePriceTable_SaysWhosePriceEachIs_AndAChangedPriceIsSentForItsModel()
    {
        Api.Answer("/api/prices", new List<ModelPriceEntry>
        {
            new("gpt-4o", 2.25m, 9m, PriceSources.Tenant),
            new("gpt-4o-mini", 0.15m, 0.6m, PriceSources.Platform),
        });
        Api.AnswerTo(HttpMethod.Put, "/api/prices/gpt-4o-mini", HttpStatusCode.OK, new ModelPriceEntry("gpt-4o-mini", 0.1m, 0.6m, PriceSources.Tenant));
        var editor = Render<PriceTableEditor>();
        editor.WaitForAssertion(() => Assert.Contains("yours", editor.Find("[aria-label='Model prices']").TextContent, StringComparison.Ordinal));
        Assert.Single(editor.FindAll("[aria-label^='Use the platform']"));

        editor.Find("[aria-label='Change the price of gpt-4o-mini']").Click();
        var input = editor.FindComponents<FluentNumberField<decimal?>>().Single(f => f.Instance.Id == "price_input");
        input.InvokeAsync(() => input.Instance.ValueChanged.InvokeAsync(0.1m));
        editor.Find("form").Submit();

        editor.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Put));
        var sent = Api.Requests.Single(r => r.Method == HttpMethod.Put);
        Assert.Equal("/api/prices/gpt-4o-mini", sent.PathAndQuery);
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal(0.1m, body.RootElement.GetProperty("input_per_million").GetDecimal());
        Assert.Equal(0.6m, body.RootElement.GetProperty("output_per_million").GetDecimal());
    }

    [Fact]
    public void UsingThePlatformsPrice_DropsTheTenantsOwn()
    {
        Api.Answer("/api/prices", new List<ModelPriceEntry> { new("gpt-4o", 2.25m, 9m, PriceSources.Tenant) });
        Api.AnswerTo(HttpMethod.Delete, "/api/prices/gpt-4o", HttpStatusCode.NoContent);
        var editor = Render<PriceTableEditor>();
        editor.WaitForAssertion(() => Assert.NotEmpty(editor.FindAll("[aria-label=\"Use the platform's price for gpt-4o\"]")));

        editor.Find("[aria-label=\"Use the platform's price for gpt-4o\"]").Click();

        editor.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == "/api/prices/gpt-4o"));
    }

    [Fact]
    public void TheUpstream_IsShownWithTheSettingToChangeIt_NeverAKey()
    {
        Api.Answer("/api/upstream", new UpstreamInfo("https://llm.example.test/v1", true, "Authorization", "Gateway:Upstream:BaseUrl (the AppHost's 'upstream-base-url' parameter)", false));

        var panel = Render<UpstreamPanel>();

        panel.WaitForAssertion(() => Assert.Contains("https://llm.example.test/v1", panel.Markup, StringComparison.Ordinal));
        Assert.Contains("Gateway:Upstream:BaseUrl", panel.Markup, StringComparison.Ordinal);
        Assert.Contains("never shown", panel.Markup, StringComparison.Ordinal);
    }
}
