using System.Reflection;
using SlmPlatform.Contracts;
using SlmPlatform.Gateway.Routing;
using StackExchange.Redis;

namespace SlmPlatform.Gateway.UnitTests;

/// <summary>
/// A Redis whose reads of a routes hash wait until the test answers them, and whose change notices the test sends:
/// what a race between a read and a change needs to be replayed step by step.
/// </summary>
public sealed class HeldRedis
{
    private readonly Lock _gate = new();
    private readonly List<TaskCompletionSource<HashEntry[]>> _reads = [];
    private Action<RedisChannel, RedisValue>? _notices;

    public HeldRedis()
    {
        var database = Forwarder.Create<IDatabase>((method, args) => method.Name == nameof(IDatabase.HashGetAllAsync) ? Read() : throw new NotSupportedException(method.Name));
        var subscriber = Forwarder.Create<ISubscriber>((method, args) =>
        {
            if (method.Name == nameof(ISubscriber.Subscribe) && args[1] is Action<RedisChannel, RedisValue> handler)
            {
                _notices = handler;
            }

            return method.Name is nameof(ISubscriber.Subscribe) or nameof(ISubscriber.Unsubscribe) ? null : throw new NotSupportedException(method.Name);
        });
        Connection = Forwarder.Create<IConnectionMultiplexer>((method, _) => method.Name switch
        {
            nameof(IConnectionMultiplexer.GetDatabase) => database,
            nameof(IConnectionMultiplexer.GetSubscriber) => subscriber,
            _ => throw new NotSupportedException(method.Name),
        });
    }

    public IConnectionMultiplexer Connection { get; }

    public int Reads
    {
        get
        {
            lock (_gate)
            {
                return _reads.Count;
            }
        }
    }

    /// <summary>Answers the <paramref name="index"/>th read with these routes (key → route).</summary>
    public void Answer(int index, params (string Key, SpecialistRoute Route)[] routes)
    {
        TaskCompletionSource<HashEntry[]> read;
        lock (_gate)
        {
            read = _reads[index];
        }

        read.SetResult([.. routes.Select(r => new HashEntry(r.Key, JsonSerializer.Serialize(r.Route, RouteJson)))]);
    }

    /// <summary>A change of the tenant's routes announced on the channel, as another gateway's change would be.</summary>
    public void Announce(string tenantId) => _notices!(RedisChannel.Literal(RouteTable.ChangedChannel), tenantId);

    private static readonly JsonSerializerOptions RouteJson = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private Task<HashEntry[]> Read()
    {
        var read = new TaskCompletionSource<HashEntry[]>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _reads.Add(read);
        }

        return read.Task;
    }

    public class Forwarder : DispatchProxy
    {
        private Func<MethodInfo, object?[], object?> _handle = null!;

        public static T Create<T>(Func<MethodInfo, object?[], object?> handle)
            where T : class
        {
            var proxy = DispatchProxy.Create<T, Forwarder>();
            ((Forwarder)(object)proxy)._handle = handle;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => _handle(targetMethod!, args ?? []);
    }
}
