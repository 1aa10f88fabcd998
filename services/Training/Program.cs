using SlmPlatform.Training.Apis;
using SlmPlatform.Training.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformApi();

var app = builder.Build();

app.UsePlatformApi();
app.MapFineTuneJobsApi();
app.MapModelsApi();
app.MapEvaluationsApi();
app.MapDatasetsApi();

app.Run();
