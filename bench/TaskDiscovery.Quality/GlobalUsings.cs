global using System.Diagnostics;
global using System.Globalization;
global using SlmPlatform.Embeddings;
global using SlmPlatform.TaskDiscovery.Clustering;
