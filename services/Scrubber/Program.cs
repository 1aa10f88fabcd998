using SlmPlatform.Scrubber.Apis;
using SlmPlatform.Scrubber.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformApi();

var app = builder.Build();

app.UsePlatformApi();
app.MapCallsApi();
app.MapScrubApi();
app.MapScrubReportApi();
app.MapParkedCallsApi();
app.MapErasuresApi();

app.Run();
