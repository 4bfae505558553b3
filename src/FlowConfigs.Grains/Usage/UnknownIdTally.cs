using FlowConfigs.Domain.Usage;

namespace FlowConfigs.Grains.Usage;

/// <summary>
/// The most requested unknown ids since the last flush, in fixed memory: the Space-Saving algorithm. With all slots
/// taken, a new id replaces the least counted one and inherits its count as possible error; reported reads are the
/// guaranteed ones (count minus error), so a flood of random ids shows as ones while an id asked for steadily keeps
/// its slot. A min-heap finds the least counted slot in O(log n). Only calls that found nothing come here, so a lock is
/// cheap next to the grain call such a request already made.
/// </summary>
internal sealed class UnknownIdTally(int capacity)
{
    private sealed class Slot
    {
        public required string Id;
        public long Count;
        public long Error;
        public long LastTicks;
        public int HeapIndex;
    }

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Slot> _slots = new(StringComparer.Ordinal);
    private readonly List<Slot> _heap = [];

    public int Count
    {
        get { lock (_gate) return _slots.Count; }
    }

    public void Record(string id, long nowTicks) => Record(id, 1, nowTicks);

    public void Record(string id, long reads, long nowTicks)
    {
        lock (_gate)
        {
            if (_slots.TryGetValue(id, out var slot))
            {
                slot.Count += reads;
                slot.LastTicks = Math.Max(slot.LastTicks, nowTicks);
                SiftDown(slot.HeapIndex);
                return;
            }
            if (_heap.Count < capacity)
            {
                slot = new Slot { Id = id, Count = reads, LastTicks = nowTicks, HeapIndex = _heap.Count };
                _heap.Add(slot);
                _slots[id] = slot;
                SiftUp(slot.HeapIndex);
                return;
            }
            var least = _heap[0];
            _slots.Remove(least.Id);
            least.Error = least.Count;
            least.Count += reads;
            least.Id = id;
            least.LastTicks = nowTicks;
            _slots[id] = least;
            SiftDown(0);
        }
    }

    /// <summary>Every tracked id with its guaranteed reads, counted on the UTC day of its last read; the tally starts empty.</summary>
    public List<UnknownIdCount> Drain()
    {
        lock (_gate)
        {
            var counts = new List<UnknownIdCount>(_heap.Count);
            foreach (var slot in _heap)
            {
                var last = new DateTimeOffset(slot.LastTicks, TimeSpan.Zero);
                counts.Add(new UnknownIdCount(DateOnly.FromDateTime(last.UtcDateTime), slot.Id, Math.Max(1, slot.Count - slot.Error), last));
            }
            _heap.Clear();
            _slots.Clear();
            return counts;
        }
    }

    private void SiftUp(int index)
    {
        while (index > 0)
        {
            var parent = (index - 1) / 2;
            if (_heap[parent].Count <= _heap[index].Count) return;
            Swap(index, parent);
            index = parent;
        }
    }

    private void SiftDown(int index)
    {
        while (true)
        {
            var smallest = index;
            var left = 2 * index + 1;
            var right = left + 1;
            if (left < _heap.Count && _heap[left].Count < _heap[smallest].Count) smallest = left;
            if (right < _heap.Count && _heap[right].Count < _heap[smallest].Count) smallest = right;
            if (smallest == index) return;
            Swap(index, smallest);
            index = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _heap[a].HeapIndex = a;
        _heap[b].HeapIndex = b;
    }
}
