global using SlmPlatform.Contracts.Http;
