# Function calls: positional, keyword and default arguments, *args and
# **kwargs, calls through a bound method and a local alias, closures that
# rebind an outer variable (nonlocal), lambdas, and deep recursion.

def add3(a, b, c):
    return a + b + c


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def count_args(*args, **kwargs):
    return len(args) + 2 * len(kwargs)


def make_counter(start):
    count = start

    def advance(by):
        nonlocal count
        count += by
        return count
    return advance


class Meter:
    def __init__(self):
        self.total = 0

    def add(self, value):
        self.total += value
        return self.total


def takeuchi(x, y, z):
    if y < x:
        return takeuchi(takeuchi(x - 1, y, z), takeuchi(y - 1, z, x), takeuchi(z - 1, x, y))
    return z


def main(n):
    total = 0
    advance = make_counter(10)
    meter = Meter()
    add = meter.add
    square = lambda v: v * v
    for i in range(n):
        total += add3(i, 1, 2)
        total += scaled(i, offset=3)
        total += scaled(x=i, factor=3)
        total += count_args(i, i, key=i)
        total += advance(i & 7)
        total += square(i & 255)
        add(i & 15)
    total += meter.total + takeuchi(18, 12, 6)
    return total % 1000000007


print("calls", main(1200000))
