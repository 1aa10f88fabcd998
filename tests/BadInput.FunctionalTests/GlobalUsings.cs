global using System.Net;
global using System.Text;
global using SlmPlatform.Testing;
global using Xunit;
