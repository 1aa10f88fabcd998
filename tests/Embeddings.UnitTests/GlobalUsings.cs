global using Microsoft.Extensions.AI;
global using Xunit;
