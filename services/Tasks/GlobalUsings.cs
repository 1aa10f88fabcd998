global using System.Text.Json;
global using SlmPlatform.Contracts;
global using SlmPlatform.Contracts.Http;
global using SlmPlatform.Tasks.Model;
global using Microsoft.Extensions.AI;
