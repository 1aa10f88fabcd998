using SlmPlatform.TaskDiscovery.Apis;
using SlmPlatform.TaskDiscovery.Extensions;

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
app.MapTasksApi();
app.MapTaskCurationApi();
app.MapTopicsApi();
app.MapSpecialistApi();
app.MapSavingsApi();
app.MapPromotionApi();

app.Run();
