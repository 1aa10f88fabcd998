global using System.Text.Json;
global using System.Text.Json.Nodes;
global using SlmPlatform.Ingest.Model;
global using Xunit;
