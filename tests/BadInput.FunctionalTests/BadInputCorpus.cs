namespace SlmPlatform.BadInput.FunctionalTests;

/// <summary>
/// The corpus: malformed JSON of the kinds JSONTestSuite rejects (and a few it leaves to implementations) sent to every
/// endpoint that takes a body, then bad content types, bad keys, bad paging, bad ids and absurd training parameters.
/// </summary>
public static class BadInputCorpus
{
    private static readonly Guid SomeTask = Guid.Parse("0b7c4f5e-1d2a-4c3b-9e8f-7a6b5c4d3e2f");

    /// <summary>The endpoints that read a JSON body (the batch endpoint reads one JSON document per line).</summary>
    private static readonly (string Service, string Method, string Path, string ContentType)[] BodyEndpoints =
    [
        ("gateway", "POST", "/v1/chat/completions", "application/json"),
        ("gateway", "POST", "/api/keys", "application/json"),
        ("ingest", "POST", "/v1/calls", "application/json"),
        ("ingest", "POST", "/v1/calls/batch", "application/x-ndjson"),
        ("ingest", "POST", "/v1/traces", "application/json"),
        ("calls", "POST", "/api/scrub", "application/json"),
        ("calls", "POST", "/api/calls/lookup", "application/json"),
        ("tasks", "PUT", "/api/promotion-policy", "application/json"),
        ("tasks", "PUT", $"/api/tasks/{SomeTask}/specialist", "application/json"),
        ("training", "POST", "/api/finetune-jobs", "application/json"),
        ("serving", "POST", "/v1/chat/completions", "application/json"),
        ("serving", "POST", "/api/deployments", "application/json"),
    ];

    private static readonly (string Name, byte[] Body)[] MalformedBodies =
    [
        ("trailing comma", Utf8("{\"a\": 1,}")),
        ("single quotes", Utf8("{'a': 1}")),
        ("unclosed", Utf8("{\"a\": [1, 2")),
        ("NaN", Utf8("{\"a\": NaN}")),
        ("leading zero", Utf8("{\"a\": 01}")),
        ("raw control character in a string", Utf8("{\"a\": \"x\u0001y\"}")),
        ("empty body", []),
        ("bare null", Utf8("null")),
        ("array for an object", Utf8("[1, 2, 3]")),
        ("invalid UTF-8", [.. Utf8("{\"a\": \""), 0xff, 0xfe, .. Utf8("\"}")]),
        ("nested 10,000 deep", Utf8(new string('[', 10_000) + new string(']', 10_000))),
    ];

    public static IReadOnlyList<BadInput> All { get; } = Build();

    private static List<BadInput> Build()
    {
        var cases = new List<BadInput>();
        foreach (var (service, method, path, contentType) in BodyEndpoints)
        {
            foreach (var (name, body) in MalformedBodies)
            {
                cases.Add(new BadInput($"{service} {method} {path}: {name}", service, new HttpMethod(method), path, body, contentType));
            }
        }

        var call = Utf8("""{"id":"bad-input-ct","agent":"a","request":{"messages":[{"role":"user","content":"hi"}]},"response":{"choices":[]}}""");
        var chat = Utf8("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}""");
        cases.AddRange(
        [
            new("ingest: a call as text/plain", "ingest", HttpMethod.Post, "/v1/calls", call, "text/plain"),
            new("ingest: a call as form data", "ingest", HttpMethod.Post, "/v1/calls", call, "application/x-www-form-urlencoded"),
            new("gateway: chat as text/plain", "gateway", HttpMethod.Post, "/v1/chat/completions", chat, "text/plain"),
            new("gateway: metadata nested 100 deep", "gateway", HttpMethod.Post, "/v1/chat/completions",
                Utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"metadata\":" + Nested(100) + "}")),
            new("ingest: a call nested 100 deep", "ingest", HttpMethod.Post, "/v1/calls",
                Utf8("{\"id\":\"deep\",\"agent\":\"a\",\"request\":" + Nested(100) + ",\"response\":{}}")),
            new("ingest: a call with no id", "ingest", HttpMethod.Post, "/v1/calls", Utf8("""{"agent":"a","request":{"messages":[]},"response":{}}""")),
            new("ingest: a number beyond double", "ingest", HttpMethod.Post, "/v1/calls",
                Utf8("""{"id":"n","agent":"a","latency_ms":1e400,"request":{"messages":[]},"response":{}}""")),

            new("gateway: no key", "gateway", HttpMethod.Post, "/v1/chat/completions", chat, Authorization: ""),
            new("gateway: basic credentials", "gateway", HttpMethod.Post, "/v1/chat/completions", chat, Authorization: "Basic dXNlcjpwYXNz"),
            new("gateway: a 16 KB bearer", "gateway", HttpMethod.Post, "/v1/chat/completions", chat, Authorization: "Bearer " + new string('a', 16_384)),
            new("ingest: an unknown key", "ingest", HttpMethod.Post, "/v1/calls", call, Authorization: "Bearer slm_not-a-key-0000000000000000"),
            new("calls: no key", "calls", HttpMethod.Get, "/api/calls", Authorization: ""),
            new("tasks: an unknown key", "tasks", HttpMethod.Get, "/api/tasks", Authorization: "Bearer slm_unknown"),
            new("training: a key in the wrong scheme", "training", HttpMethod.Get, "/api/finetune-jobs", Authorization: "Token abc"),
            new("serving: no key", "serving", HttpMethod.Post, "/v1/chat/completions", chat, Authorization: ""),

            new("calls: limit 0", "calls", HttpMethod.Get, "/api/calls?limit=0"),
            new("calls: limit a million", "calls", HttpMethod.Get, "/api/calls?limit=1000000"),
            new("calls: a negative cursor", "calls", HttpMethod.Get, "/api/calls?after=-5"),
            new("calls: a cursor of words", "calls", HttpMethod.Get, "/api/calls?after=drop%20table"),
            new("training: limit 0", "training", HttpMethod.Get, "/api/finetune-jobs?limit=0"),
            new("training: an unknown state", "training", HttpMethod.Get, "/api/finetune-jobs?state=bogus"),
            new("training: a bad cursor", "training", HttpMethod.Get, "/api/finetune-jobs?after=zzz"),
            new("training: datasets, limit a million", "training", HttpMethod.Get, "/api/datasets?limit=1000000"),
            new("training: datasets, a cursor of words", "training", HttpMethod.Get, "/api/datasets?after=drop%20table"),
            new("serving: deployments, limit 0", "serving", HttpMethod.Get, "/api/deployments?limit=0"),
            new("serving: deployments, a cursor with a path", "serving", HttpMethod.Get, "/api/deployments?after=1...%2F..%2Fetc"),
            new("tasks: a task's calls, limit -1", "tasks", HttpMethod.Get, $"/api/tasks/{SomeTask}/calls?limit=-1"),

            new("calls: a path-traversal id", "calls", HttpMethod.Get, "/api/calls/..%2F..%2Fetc%2Fpasswd"),
            new("calls: an id with a control character", "calls", HttpMethod.Get, "/api/calls/a%01b"),
            new("tasks: a task id that is no GUID", "tasks", HttpMethod.Get, "/api/tasks/not-a-guid"),
            new("tasks: an unknown task", "tasks", HttpMethod.Get, $"/api/tasks/{SomeTask}"),
            new("training: a model id of dots", "training", HttpMethod.Get, "/api/models/..%2F..%2F"),
            new("training: a dataset id with traversal", "training", HttpMethod.Get, "/api/datasets/..%2F..%2Fsecrets"),
            new("training: a job to cancel that does not exist", "training", HttpMethod.Post, $"/api/finetune-jobs/{SomeTask}/cancel"),

            new("training: a million epochs", "training", HttpMethod.Post, "/api/finetune-jobs",
                Utf8($$$"""{"task_id":"{{{SomeTask}}}","hyperparameters":{"max_epochs":1000000}}""")),
            new("training: negative hidden units", "training", HttpMethod.Post, "/api/finetune-jobs",
                Utf8($$$"""{"task_id":"{{{SomeTask}}}","hyperparameters":{"hidden_units":-5}}""")),
            new("training: a task id with traversal", "training", HttpMethod.Post, "/api/finetune-jobs", Utf8("""{"task_id":"../../etc/passwd"}""")),
            new("training: an unknown kind", "training", HttpMethod.Post, "/api/finetune-jobs", Utf8($$"""{"task_id":"{{SomeTask}}","kind":"gpt-5"}""")),
            new("tasks: a policy bar above 1", "tasks", HttpMethod.Put, "/api/promotion-policy", Utf8("""{"approval":"automatic","bar":7}""")),
            new("tasks: a specialist that is no GUID", "tasks", HttpMethod.Put, $"/api/tasks/{SomeTask}/specialist", Utf8("""{"model_id":"x"}""")),
            new("gateway: a key with an unknown scope", "gateway", HttpMethod.Post, "/api/keys", Utf8("""{"name":"k","scopes":["root"]}""")),
            new("gateway: a key that expired yesterday", "gateway", HttpMethod.Post, "/api/keys", Utf8("""{"name":"k","scopes":["read"],"expires_at":"2000-01-01T00:00:00Z"}""")),
            new("serving: a deployment to nowhere", "serving", HttpMethod.Post, "/api/deployments", Utf8($$"""{"model_id":"{{SomeTask}}","target":"mars"}""")),
            new("calls: a lookup of 10,000 ids", "calls", HttpMethod.Post, "/api/calls/lookup",
                Utf8("{\"ids\":[" + string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"\"c{i}\"")) + "]}")),
        ]);
        return cases;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static string Nested(int depth) => string.Concat(Enumerable.Repeat("{\"x\":", depth)) + "1" + new string('}', depth);
}
