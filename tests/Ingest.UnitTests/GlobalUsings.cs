global using System.Text;
global using System.Text.Json;
global using SlmPlatform.Ingest.Model;
global using Xunit;
