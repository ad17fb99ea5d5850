# Sorting: list.sort and sorted on random, already sorted, reversed and
# nearly sorted ints, on strings, on tuples, with key functions (lambda,
# str.lower, a method) and reverse=True, stable multi-pass sorting of
# records, objects with __lt__, and min/max with a key.

class Item:
    __slots__ = ("weight", "name")

    def __init__(self, weight, name):
        self.weight = weight
        self.name = name

    def __lt__(self, other):
        return self.weight < other.weight


def main(n):
    seed = 4242
    numbers = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        numbers.append(seed % 100000)
    total = 0
    ordered = sorted(numbers)
    total += ordered[n // 2] + sorted(ordered)[-1] + sorted(ordered, reverse=True)[7]
    nearly = ordered[:]
    for i in range(0, n, 50):
        nearly[i], nearly[-1 - i] = nearly[-1 - i], nearly[i]
    nearly.sort()
    total += nearly[n // 3]
    words = ["%sWord%d" % ("ab"[x % 2], x) for x in numbers[: n // 2]]
    total += len(sorted(words)[0]) + len(sorted(words, key=str.lower)[-1])
    records = [(x % 10, x % 1000, "r%d" % x) for x in numbers[: n // 2]]
    records.sort(key=lambda r: r[2])
    records.sort(key=lambda r: r[1], reverse=True)
    records.sort(key=lambda r: r[0])
    total += sum(r[1] * i for i, r in enumerate(records[:1000]))
    total += sorted(records)[-1][1]
    items = [Item(x % 997, "i%d" % x) for x in numbers[: n // 4]]
    items.sort()
    total += items[0].weight + items[-1].weight + len(min(items, key=lambda it: it.name).name)
    total += max(numbers, key=lambda x: (x * 7919) % 10007)
    return total % 1000000007


print("sorting", main(240000))
