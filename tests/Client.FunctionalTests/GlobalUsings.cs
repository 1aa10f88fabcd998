global using System.Text.Json;
global using Microsoft.Extensions.AI;
global using SlmPlatform.Contracts;
global using SlmPlatform.Testing;
global using Xunit;
