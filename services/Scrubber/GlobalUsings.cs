global using System.Text.Json;
global using SlmPlatform.Scrubber.Model;
global using SlmPlatform.Contracts;
global using SlmPlatform.Contracts.Http;
