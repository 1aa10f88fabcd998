using System.Diagnostics;
using System.Net.Sockets;
using SlmPlatform.Testing;

namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// A daemon epmd left on the platform's port (Erlang tools start one when they find none, and it outlives the AppHost)
/// once kept RabbitMQ from ever starting again: the AppHost's own epmd could not listen. Its start script now stops
/// such a leftover first and takes the port.
/// </summary>
public sealed class EpmdRunScriptTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ALeftoverDaemonOnThePort_IsStopped_AndThePlatformsEpmdListensInstead()
    {
        if (!File.Exists("/usr/bin/epmd") && !File.Exists("/usr/lib/erlang/bin/epmd"))
        {
            Assert.Skip("epmd (Erlang, installed with rabbitmq-server) is not on this machine.");
        }

        var port = FreePort();
        using var daemon = Start("epmd", "-daemon", ("ERL_EPMD_PORT", port.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await daemon.WaitForExitAsync(Token); // -daemon forks and returns
        Assert.True(await AnswersAsync(port), "The leftover daemon did not start.");

        using var ours = Start("bash", $"{RepositoryFiles.PathOf("AppHost", "scripts", "epmd-run.sh")} {port}");
        try
        {
            var listening = await ListeningProcessIsAsync(ours, port);

            Assert.False(ours.HasExited, $"epmd-run.sh exited with {(ours.HasExited ? ours.ExitCode : 0)}.");
            Assert.True(listening, "The platform's epmd did not take the port.");
        }
        finally
        {
            ours.Kill(entireProcessTree: true);
        }
    }

    private static Process Start(string file, string arguments, params (string Name, string Value)[] environment)
    {
        // Output is read only from short-lived commands: a daemon would hold a redirected pipe open after its parent exits.
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = file == "ss" };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    /// <summary>Whether, within 10 s, the epmd answering on the port is the one <paramref name="process"/> runs (its pid owns the socket).</summary>
    private static async Task<bool> ListeningProcessIsAsync(Process process, int port)
    {
        for (var attempt = 0; attempt < 100 && !process.HasExited; attempt++)
        {
            using var ss = Start("ss", $"-ltnpH sport = :{port}");
            var listeners = await ss.StandardOutput.ReadToEndAsync(Token);
            await ss.WaitForExitAsync(Token);
            if (listeners.Contains($"pid={process.Id},", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100, Token);
        }

        return false;
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, Token);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100, Token);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
