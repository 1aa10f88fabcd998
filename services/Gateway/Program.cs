using SlmPlatform.Gateway.Apis;
using SlmPlatform.Gateway.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformApi();

var app = builder.Build();

app.UsePlatformApi(problemDetailsForBodilessErrors: false);
app.MapOpenAiApi();
app.MapKeysApi();
app.MapUpstreamApi();

app.Run();
