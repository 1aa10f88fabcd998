using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.FunctionalTests;

/// <summary>Tasks and their scrubbed calls, made by the tests, in the shapes the calls service stores.</summary>
public sealed class InMemoryTaskCalls : ITaskCallSource
{
    private readonly ConcurrentDictionary<(string Tenant, Guid Task), (string OutputKind, List<SourceCall> Calls)> _tasks = new();

    private readonly ConcurrentDictionary<Guid, int> _unreachable = new();

    public void Add(string tenantId, Guid taskId, string outputKind, IEnumerable<SourceCall> calls) => _tasks[(tenantId, taskId)] = (outputKind, [.. calls]);

    /// <summary>A task whose calls cannot be read, as when the tasks service is away; counts the tries.</summary>
    public void AddUnreachable(Guid taskId) => _unreachable[taskId] = 0;

    public int Tries(Guid taskId) => _unreachable.GetValueOrDefault(taskId);

    public Task<string?> OutputKindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken)
    {
        if (_unreachable.ContainsKey(taskId))
        {
            _unreachable.AddOrUpdate(taskId, 1, (_, n) => n + 1);
            throw new HttpRequestException("The tasks service did not answer.");
        }

        return Task.FromResult(_tasks.TryGetValue((tenantId, taskId), out var task) ? task.OutputKind : null);
    }

    public async IAsyncEnumerable<SourceCall> ReadAsync(string tenantId, Guid taskId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_tasks.TryGetValue((tenantId, taskId), out var task))
        {
            yield break;
        }

        foreach (var call in task.Calls)
        {
            await Task.Yield();
            yield return call;
        }
    }

    /// <summary>An intent-router task: a customer's message, the teacher's <c>{"intent": "..."}</c>.</summary>
    public static IEnumerable<SourceCall> Router(string run, int perIntent)
    {
        var templates = new Dictionary<string, string[]>
        {
            ["card_arrival"] = ["When will my new card arrive?", "My card still has not been delivered", "How long does card delivery take?", "I am waiting for my card in the post"],
            ["exchange_rate"] = ["What exchange rate do you use?", "How much is a euro in dollars today?", "Is the currency conversion rate fair?", "Which rate applies when I pay abroad?"],
            ["lost_card"] = ["I lost my card yesterday", "Someone stole my wallet with my card", "My card is missing, please block it", "I cannot find my bank card anywhere"],
        };
        string[] openings = ["", "Hi, ", "Hello there. ", "Good morning! ", "Quick question: ", "Sorry to bother you, ", "Urgent: ", "Hey, ", "Dear bank, ", "Please help: "];
        string[] endings = ["", " Thanks.", " I am travelling in Spain.", " This is the second time I ask.", " My daughter needs it for school.", " Answer soon please."];
        var i = 0;
        foreach (var (intent, texts) in templates)
        {
            for (var n = 0; n < perIntent; n++, i++)
            {
                var text = openings[n / texts.Length % openings.Length] + texts[n % texts.Length] + endings[n / (texts.Length * openings.Length) % endings.Length];
                var messages = JsonSerializer.SerializeToElement(new object[] { new { role = "system", content = "Route the message." }, new { role = "user", content = text } });
                var response = JsonSerializer.SerializeToElement(new { choices = new[] { new { message = new { role = "assistant", content = JsonSerializer.Serialize(new { intent }) } } } });
                yield return new SourceCall($"{run}-{i:0000}", messages, null, response, "success", intent);
            }
        }
    }
}
