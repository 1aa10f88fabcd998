global using Xunit;
global using SlmPlatform.Testing;
