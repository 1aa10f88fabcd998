using System.Runtime.CompilerServices;
using SlmPlatform.Specialists.Datasets;

namespace SlmPlatform.Training.Infrastructure;

/// <summary>
/// A task's scrubbed calls from the platform's own APIs: the task's call ids and labels from the tasks service, pages
/// of 500, and the scrubbed calls themselves from the scrubber, page by page.
/// </summary>
public sealed class HttpTaskCallSource(TasksClient tasks, CallsClient calls) : ITaskCallSource
{
    private const int PageSize = 500;

    public async Task<string?> OutputKindAsync(string tenantId, Guid taskId, CancellationToken cancellationToken) =>
        (await tasks.FindAsync(tenantId, taskId, cancellationToken))?.Task.OutputKind;

    public async IAsyncEnumerable<SourceCall> ReadAsync(string tenantId, Guid taskId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await tasks.CallsAsync(tenantId, taskId, after, PageSize, cancellationToken);
            after = page.Next;
            if (page.Items.Count == 0)
            {
                continue;
            }

            var byId = (await calls.LookupAsync(tenantId, [.. page.Items.Select(i => i.CallId)], cancellationToken)).ToDictionary(c => c.Id, StringComparer.Ordinal);

            // In the tasks service's order; a call the scrubber no longer has is skipped.
            foreach (var item in page.Items)
            {
                if (byId.TryGetValue(item.CallId, out var call))
                {
                    yield return SourceCall.Of(call.Id, call.Request, call.Response, call.Status, item.OutputLabel);
                }
            }
        }
        while (after is not null);
    }
}
