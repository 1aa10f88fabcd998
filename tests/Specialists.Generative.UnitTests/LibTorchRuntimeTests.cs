using SlmPlatform.Specialists.Generative.Native;
using TorchSharp;

namespace SlmPlatform.Specialists.Generative.UnitTests;

public sealed class LibTorchRuntimeTests
{
    [Fact]
    public void EnsureInitialized_OnThisMachine_TorchComputes()
    {
        LibTorchRuntime.EnsureInitialized();

        using var sum = torch.ones(3, 4).sum();

        Assert.Equal(12f, sum.item<float>());
    }
}
