global using System.Runtime.InteropServices;
global using FastBertTokenizer;
global using Microsoft.Extensions.AI;
global using Microsoft.ML.OnnxRuntime;
