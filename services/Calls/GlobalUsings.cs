global using System.Text.Json;
global using SlmPlatform.Calls.Model;
global using SlmPlatform.Contracts;
global using SlmPlatform.Contracts.Http;
