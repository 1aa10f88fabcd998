global using SlmPlatform.Tasks.Infrastructure.Vectors;
global using SlmPlatform.Contracts.Http;
global using SlmPlatform.Tasks.Model;
global using Xunit;
