namespace SlmPlatform.Gateway.UnitTests;

public sealed class CaptureLogTests : IDisposable
{
    private const string Key = "unit-test-key";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("slm-capture-log-");

    [Fact]
    public void ReadPending_ReturnsRecordsInOrderUntilCommitted()
    {
        using var log = Open();
        Append(log, "a", "b", "c");

        var first = log.ReadPending(2);
        log.Commit(first[^1].Next);
        var rest = log.ReadPending(10);

        Assert.Equal(["a", "b"], Texts(first));
        Assert.Equal(["c"], Texts(rest));
    }

    [Fact]
    public void ExpireSegmentsWrittenBefore_DropsOnlyOldSegments_AndTheLogGoesOnAcrossAReopen()
    {
        using (var log = Open())
        {
            Append(log, "old");
            foreach (var segment in _directory.GetFiles("segment-*"))
            {
                File.SetLastWriteTimeUtc(segment.FullName, DateTime.UtcNow.AddDays(-30));
            }

            log.ExpireSegmentsWrittenBefore(DateTime.UtcNow.AddDays(-14));
            Append(log, "new");
            log.ExpireSegmentsWrittenBefore(DateTime.UtcNow.AddDays(-14));

            Assert.Equal(["new"], Texts(log.ReadPending(10)));
        }

        using var reopened = Open();
        Assert.Equal(["new"], Texts(reopened.ReadPending(10)));
    }

    [Fact]
    public void ReadPending_WithoutCommit_ReturnsTheSameRecordsAgain()
    {
        using var log = Open();
        Append(log, "a", "b");

        var once = log.ReadPending(10);
        var again = log.ReadPending(10);

        Assert.Equal(Texts(once), Texts(again));
    }

    [Fact]
    public void Reopen_KeepsWhatWasNotCommitted()
    {
        using (var log = Open())
        {
            Append(log, "a", "b", "c");
            log.Commit(log.ReadPending(1)[0].Next);
        }

        using var reopened = Open();

        Assert.Equal(2, reopened.PendingAtOpen);
        Assert.Equal(["b", "c"], Texts(reopened.ReadPending(10)));
    }

    [Fact]
    public void Reopen_AfterATornWrite_DropsOnlyTheTornRecord()
    {
        using (var log = Open())
        {
            Append(log, "a", "b");
        }

        var segment = _directory.GetFiles("segment-*.log").Single();
        using (var stream = segment.Open(FileMode.Append))
        {
            stream.Write([200, 0, 0, 0, 1, 2, 3]);
        }

        using var reopened = Open();

        Assert.Equal(["a", "b"], Texts(reopened.ReadPending(10)));
        Append(reopened, "c");
        Assert.Equal(["a", "b", "c"], Texts(reopened.ReadPending(10)));
    }

    [Fact]
    public void RecordsOnDisk_AreNotClearText()
    {
        using (var log = Open())
        {
            Append(log, "jane.doe@example.com");
        }

        var bytes = File.ReadAllBytes(_directory.GetFiles("segment-*.log").Single().FullName);

        Assert.DoesNotContain("jane.doe", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void ReadPending_WithAnotherKey_ReturnsRecordsThatCannotBeRead()
    {
        using (var log = Open())
        {
            Append(log, "a");
        }

        using var other = CaptureLog.Open(_directory.FullName, "another-key", 64 * 1024, 1 << 20);

        Assert.Null(Assert.Single(other.ReadPending(10)).Plaintext);
    }

    [Fact]
    public void TryAppend_OverTheLimit_RefusesUntilSpaceIsCommitted()
    {
        using var log = CaptureLog.Open(_directory.FullName, Key, 64 * 1024, maxBytes: 4096);
        var record = new byte[1000];

        var accepted = Enumerable.Range(0, 10).Count(_ => log.TryAppend(record));
        log.Commit(log.ReadPending(10)[^1].Next);

        Assert.Equal(3, accepted);
        Assert.True(log.TryAppend(record));
    }

    [Fact]
    public void Commit_PastFullSegments_DeletesThem()
    {
        using var log = CaptureLog.Open(_directory.FullName, Key, segmentBytes: 64 * 1024, maxBytes: 1 << 24);
        var record = new byte[20_000];
        for (var i = 0; i < 10; i++)
        {
            Assert.True(log.TryAppend(record));
        }

        var segmentsBefore = _directory.GetFiles("segment-*.log").Length;
        log.Commit(log.ReadPending(10)[^1].Next);

        Assert.True(segmentsBefore >= 3);
        Assert.Single(_directory.GetFiles("segment-*.log"));
        Assert.Empty(log.ReadPending(10));
    }

    [Fact]
    public async Task AppendAndReadAtOnce_FromTwoThreads_LoseNothing()
    {
        using var log = CaptureLog.Open(_directory.FullName, Key, segmentBytes: 64 * 1024, maxBytes: 1 << 26);
        const int records = 5_000;
        var writer = Task.Run(() =>
        {
            foreach (var batch in Enumerable.Range(0, records).Chunk(50))
            {
                var outcomes = log.Append([.. batch.Select(i => Encoding.UTF8.GetBytes($"record {i} {new string('x', i % 300)}"))]);
                Assert.All(outcomes, outcome => Assert.Equal(AppendOutcome.Written, outcome));
            }
        }, TestContext.Current.CancellationToken);
        var read = new List<string>();
        while (read.Count < records)
        {
            var batch = log.ReadPending(64);
            if (batch.Count == 0)
            {
                await Task.Delay(1, TestContext.Current.CancellationToken);
                continue;
            }

            read.AddRange(Texts(batch));
            log.Commit(batch[^1].Next);
        }

        await writer;
        Assert.Equal(Enumerable.Range(0, records).Select(i => $"record {i} {new string('x', i % 300)}"), read);
    }

    [Fact]
    public void Reopen_WithACheckpointInASegmentDeletedSince_ReadsFromTheNextSegment()
    {
        // A full disk lets a commit delete the segments behind it while its checkpoint file stays behind.
        using (var log = CaptureLog.Open(_directory.FullName, Key, segmentBytes: 64 * 1024, maxBytes: 1 << 24))
        {
            foreach (var text in new[] { "first", "second", "third" })
            {
                Assert.True(log.TryAppend(Encoding.UTF8.GetBytes(text + new string(' ', 40_000))));
            }
        }

        var segments = _directory.GetFiles("segment-*.log").OrderBy(f => f.Name).ToList();
        Assert.Equal(3, segments.Count);
        segments[0].Delete();
        File.WriteAllText(Path.Combine(_directory.FullName, "checkpoint"), "0 100");

        using var reopened = Open();

        Assert.Equal(2, reopened.PendingAtOpen);
        Assert.Equal(["second", "third"], Texts(reopened.ReadPending(10)).Select(t => t.TrimEnd()));
    }

    [Fact]
    public void Append_ABatch_IsReadBackInOrder_AndSyncLeavesNothingUnsynced()
    {
        using var log = CaptureLog.Open(_directory.FullName, Key, 64 * 1024, 1 << 20, syncEvery: TimeSpan.FromHours(1));

        var outcomes = log.Append([.. new[] { "a", "b", "c" }.Select(Encoding.UTF8.GetBytes)]);
        var unsyncedAfterAppend = log.HasUnsyncedWrites;
        log.Sync();

        Assert.Equal([AppendOutcome.Written, AppendOutcome.Written, AppendOutcome.Written], outcomes);
        Assert.True(unsyncedAfterAppend);
        Assert.False(log.HasUnsyncedWrites);
        Assert.Equal(["a", "b", "c"], Texts(log.ReadPending(10)));
    }

    private CaptureLog Open() => CaptureLog.Open(_directory.FullName, Key, 64 * 1024, 1 << 20);

    private static void Append(CaptureLog log, params string[] texts)
    {
        foreach (var text in texts)
        {
            Assert.True(log.TryAppend(Encoding.UTF8.GetBytes(text)));
        }
    }

    private static List<string> Texts(IEnumerable<LogRecord> records) => [.. records.Select(r => Encoding.UTF8.GetString(r.Plaintext!))];

    public void Dispose() => _directory.Delete(recursive: true);
}
