# Generators and comprehensions: generator functions with yield and
# yield from, generator expressions consumed by sum/max/any, list, dict and
# set comprehensions with conditions, nested comprehensions, enumerate and
# zip over generators.

def collatz(n):
    while n != 1:
        yield n
        n = 3 * n + 1 if n & 1 else n // 2
    yield 1


def chained(limit):
    yield from range(limit)
    yield from (x * x for x in range(limit))


def pairs(items):
    it = iter(items)
    for a in it:
        yield a, next(it, 0)


def main(n):
    total = 0
    for start in range(1, n):
        total += max(collatz(start)) + sum(1 for _ in collatz(start))
    for limit in range(200):
        total += sum(chained(limit))
        total += sum(a * b for a, b in pairs(chained(limit)))
    squares = [x * x for x in range(n) if x % 3]
    residues = {x: x % 97 for x in squares}
    distinct = {v for v in residues.values() if v & 1}
    grid = [[r * c for c in range(30)] for r in range(30)]
    total += len(squares) + sum(residues.values()) + sum(distinct)
    total += sum(i * v for i, row in enumerate(grid) for v in row)
    total += sum(a - b for a, b in zip(squares, squares[1:]))
    total += any(x > n * n for x in squares)
    return total % 1000000007


print("generators", main(40000))
