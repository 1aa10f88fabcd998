global using System.Text.Json;
global using Xunit;
global using SlmPlatform.Testing;
