using SlmPlatform.Training.Apis;
using SlmPlatform.Training.Extensions;

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
app.MapFineTuneJobsApi();
app.MapModelsApi();
app.MapEvaluationsApi();
app.MapDatasetsApi();

app.Run();
