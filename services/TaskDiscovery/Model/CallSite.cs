using System.Security.Cryptography;
using System.Text;

namespace SlmPlatform.TaskDiscovery.Model;

/// <summary>
/// The call site a call came from — the unit a specialist replaces. A workload tag names it; without one, the
/// call's structure does: the same agent, system prompt and kind of output. The tools offered do not split a call
/// site: many agents offer each request its own selection (BFCL gives every question its own functions). Its first
/// name (<see cref="TaskNames"/>) is one a person can read; <see cref="NameSource"/> says where it came from.
/// </summary>
public sealed record CallSite(string Key, string Name, string NameSource, string Agent, string? Workload, string OutputKind)
{
    public static CallSite Of(CallScrubbed call)
    {
        var facts = call.Facts ?? new CallFacts(null, null, null, null, OutputKinds.Text, null, string.Empty, []);
        var (name, source) = TaskNames.ForCallSite(call.Agent, call.Workload, facts.SystemPrompt, facts.OutputKind);
        if (call.Workload is { } workload)
        {
            return new CallSite($"{call.Agent}\u001fworkload\u001f{workload}", name, source, call.Agent, workload, facts.OutputKind);
        }

        var structure = string.Join('\u001f', facts.SystemPromptHash, facts.OutputKind);
        var signature = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(structure)))[..12];
        return new CallSite($"{call.Agent}\u001fsignature\u001f{signature}", name, source, call.Agent, null, facts.OutputKind);
    }

    public Guid TaskId(string tenantId) => DeterministicId.Create("task", tenantId, Key);
}
