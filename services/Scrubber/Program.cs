using SlmPlatform.Scrubber.Apis;
using SlmPlatform.Scrubber.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapCallsApi();
app.MapScrubApi();
app.MapScrubReportApi();
app.MapParkedCallsApi();

app.Run();
