namespace SlmPlatform.TaskDiscovery.Clustering;

/// <summary>The k best (score, item) pairs seen so far: a min-heap on score, so the worst kept one is at the top.</summary>
internal sealed class TopK(int k)
{
    private readonly float[] _scores = new float[k];
    private readonly int[] _items = new int[k];

    public int Count { get; private set; }

    /// <summary>The score a new item must beat once the heap is full.</summary>
    public float Threshold => Count < k ? float.NegativeInfinity : _scores[0];

    public void Add(float score, int item)
    {
        if (Count < k)
        {
            var i = Count++;
            _scores[i] = score;
            _items[i] = item;
            SiftUp(i);
        }
        else if (score > _scores[0])
        {
            _scores[0] = score;
            _items[0] = item;
            SiftDown(0);
        }
    }

    public void Clear() => Count = 0;

    public void AddAll(TopK other)
    {
        for (var i = 0; i < other.Count; i++)
        {
            Add(other._scores[i], other._items[i]);
        }
    }

    /// <summary>The kept pairs, best first; ties go to the lower item for a deterministic order.</summary>
    public (float Score, int Item)[] ToSortedArray()
    {
        var result = new (float Score, int Item)[Count];
        for (var i = 0; i < Count; i++)
        {
            result[i] = (_scores[i], _items[i]);
        }

        Array.Sort(result, static (a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Item.CompareTo(b.Item));
        return result;
    }

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_scores[parent] <= _scores[i])
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < Count && _scores[left] < _scores[smallest])
            {
                smallest = left;
            }

            if (right < Count && _scores[right] < _scores[smallest])
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
        (_items[a], _items[b]) = (_items[b], _items[a]);
    }
}
