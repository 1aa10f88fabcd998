global using System.Text;
global using System.Text.Json;
global using SlmPlatform.Gateway.Capture;
global using SlmPlatform.Gateway.Model;
global using Xunit;
