global using SlmPlatform.Contracts.Http;
global using SlmPlatform.Contracts;
