using SlmPlatform.TaskDiscovery.Apis;
using SlmPlatform.TaskDiscovery.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.AddPlatformApi();

var app = builder.Build();

app.UsePlatformApi();
app.MapTasksApi();
app.MapTaskCurationApi();
app.MapTopicsApi();
app.MapSpecialistApi();
app.MapSavingsApi();
app.MapUsageApi();
app.MapPricesApi();
app.MapPromotionApi();

app.Run();
