global using System.Text.Json;
global using SlmPlatform.Contracts;
global using SlmPlatform.Training.Model;
