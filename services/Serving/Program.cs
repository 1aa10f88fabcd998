using SlmPlatform.Serving.Apis;
using SlmPlatform.Serving.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();
app.UseLlamaNativeLog();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapOllamaApi();
app.MapOpenAiApi();
app.MapDeploymentsApi();

app.Run();
