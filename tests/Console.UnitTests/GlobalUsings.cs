global using System.Net;
global using Bunit;
global using Xunit;
