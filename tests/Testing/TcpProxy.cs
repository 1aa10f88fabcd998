using System.Net;
using System.Net.Sockets;

namespace SlmPlatform.Testing;

/// <summary>
/// A loopback TCP proxy that a test can cut and restore, to take a server away from one client (a network outage as
/// the client sees it) without stopping a server that other tests share; it can also hold every byte in flight (a
/// partition that drops packets: connections stay open and go silent) or delay them (a slow network or server).
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;
    private TaskCompletionSource _flowing = Flowing();
    private TimeSpan _delay;

    private TcpProxy(IPEndPoint target, int port)
    {
        _target = target;
        Port = port;
    }

    public int Port { get; }

    public static TcpProxy Start(IPEndPoint target)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var proxy = new TcpProxy(target, port);
        proxy.Restore();
        return proxy;
    }

    /// <summary>Drops every open connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            _accepting?.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var connection in _connections)
            {
                // Linger 0 resets the connection, as a network failure would, instead of closing it politely.
                if (connection.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    /// <summary>
    /// Holds every byte from now on, both ways, and connects no new client, until <see cref="Flow"/>: as a partition
    /// that drops packets looks from either side (nothing is reset; TCP's retransmissions deliver the bytes once it heals).
    /// </summary>
    public void Hold()
    {
        lock (_gate)
        {
            if (_flowing.Task.IsCompleted)
            {
                _flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>Lets what <see cref="Hold"/> held go on, in order.</summary>
    public void Flow()
    {
        lock (_gate)
        {
            _flowing.TrySetResult();
        }
    }

    /// <summary>Delays every chunk of bytes by <paramref name="delay"/> each way (zero: none), as a slow link or server.</summary>
    public void Delay(TimeSpan delay) => _delay = delay;

    public void Restore()
    {
        lock (_gate)
        {
            _listener = new TcpListener(IPAddress.Loopback, Port);
            _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            _listener.Start();
            _accepting = new CancellationTokenSource();
            _ = AcceptAsync(_listener, _accepting.Token);
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var server = new TcpClient();
            try
            {
                await WhileHeldAsync(cancellationToken);
                await server.ConnectAsync(_target, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                client.Dispose();
                server.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(client);
                _connections.Add(server);
            }

            _ = PumpAsync(client, server);
            _ = PumpAsync(server, client);
        }
    }

    private Task WhileHeldAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _flowing.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            var source = from.GetStream();
            var target = to.GetStream();
            int read;
            while ((read = await source.ReadAsync(buffer)) > 0)
            {
                if (_delay > TimeSpan.Zero)
                {
                    await Task.Delay(_delay);
                }

                await WhileHeldAsync(CancellationToken.None);
                await target.WriteAsync(buffer.AsMemory(0, read));
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // The other side or a Cut() closed the connection.
        }
        finally
        {
            from.Dispose();
            to.Dispose();
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        Flow();
        return ValueTask.CompletedTask;
    }
}
