global using System.Text.Json;
global using SlmPlatform.Specialists.Artifacts;
global using SlmPlatform.Specialists.Training;
global using Xunit;
