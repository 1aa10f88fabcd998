global using SlmPlatform.Tasks.Infrastructure.Vectors;
global using SlmPlatform.Tasks.Model;
global using Xunit;
