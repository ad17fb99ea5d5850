# Dictionaries and sets: counting with get, grouping with setdefault,
# lookups that hit and miss, dict comprehensions, update, merge (|), pop
# and del, iteration over items; sets built, tested and combined (union,
# intersection, difference), frozenset keys. Set results are summed or
# sorted, never read in iteration order (that may change between versions).

def main(n):
    seed = 99
    keys = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        keys.append("k%d" % (seed % 5000))
    counts = {}
    for k in keys:
        counts[k] = counts.get(k, 0) + 1
    groups = {}
    for k, c in counts.items():
        groups.setdefault(c, []).append(k)
    total = len(counts) + sum(len(v) * c for c, v in groups.items())
    for i in range(n):
        probe = "k%d" % (i % 7000)
        if probe in counts:
            total += counts[probe]
        else:
            total += 1
    inverted = {v: k for k, v in counts.items()}
    merged = counts | {"extra%d" % i: i for i in range(2000)}
    merged.update(inverted)
    for i in range(0, 2000, 3):
        del merged["extra%d" % i]
    total += len(merged) + merged.pop("extra1", 0) + merged.pop("missing", 0)
    numbers = [int(k[1:]) for k in keys]
    evens = {x for x in numbers if x % 2 == 0}
    small = set(range(0, 5000, 7))
    total += len(evens | small) + len(evens & small) + len(evens - small) + len(small ^ evens)
    total += sum(evens & small) + sum(1 for x in numbers if x in small)
    pairs = {}
    for i in range(n // 4):
        key = frozenset((numbers[i] % 50, numbers[i + 1] % 50))
        pairs[key] = pairs.get(key, 0) + 1
    total += len(pairs) + max(pairs.values())
    total += sum(sorted(evens)[:500])
    return total % 1000000007


print("dicts_sets", main(750000))
