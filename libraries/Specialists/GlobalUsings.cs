global using System.Diagnostics;
global using System.Numerics.Tensors;
global using System.Text.Json;
