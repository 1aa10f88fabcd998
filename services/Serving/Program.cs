using SlmPlatform.Serving.Apis;
using SlmPlatform.Serving.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformApi();

var app = builder.Build();
app.UseLlamaNativeLog();

app.UsePlatformApi();
app.MapOllamaApi();
app.MapOpenAiApi();
app.MapDeploymentsApi();

app.Run();
