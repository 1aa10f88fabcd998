global using System.Text.Json;
global using SlmPlatform.Contracts;
global using SlmPlatform.Contracts.Http;
global using SlmPlatform.Gateway.Model;
