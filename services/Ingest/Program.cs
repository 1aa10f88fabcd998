using SlmPlatform.Ingest.Apis;
using SlmPlatform.Ingest.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformApi();

var app = builder.Build();

app.UsePlatformApi();
app.MapCallIngestApi();
app.MapOtlpTracesApi();

app.Run();
