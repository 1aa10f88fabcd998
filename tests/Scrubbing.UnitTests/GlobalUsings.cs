global using SlmPlatform.Scrubbing.Recognizers;
global using SlmPlatform.Scrubbing.UnitTests.Support;
global using Xunit;
