global using SlmPlatform.TaskDiscovery.Infrastructure.Vectors;
global using SlmPlatform.Contracts.Http;
global using SlmPlatform.TaskDiscovery.Model;
global using Xunit;
