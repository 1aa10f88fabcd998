global using System.Text.Json;
global using Microsoft.Extensions.AI;
global using SlmPlatform.Serving.Model;
global using SlmPlatform.Contracts;
