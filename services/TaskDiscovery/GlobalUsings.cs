global using System.Text.Json;
global using SlmPlatform.Contracts;
global using SlmPlatform.Contracts.Http;
global using SlmPlatform.TaskDiscovery.Model;
global using Microsoft.Extensions.AI;
