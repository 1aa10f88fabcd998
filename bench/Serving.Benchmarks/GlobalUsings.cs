global using System.Diagnostics;
global using System.Globalization;
global using System.Text.Json;
global using SlmPlatform.Benchmarks;
global using SlmPlatform.Specialists.Training;
global using SlmPlatform.TaskDiscovery.Quality;
global using SlmPlatform.Specialists.Quality;
