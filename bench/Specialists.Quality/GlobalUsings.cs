global using System.Diagnostics;
global using System.Globalization;
global using SlmPlatform.Benchmarks;
global using SlmPlatform.Specialists.Training;
global using SlmPlatform.TaskDiscovery.Quality;
