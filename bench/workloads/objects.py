# Objects: instance creation, attribute reads and writes, class attributes
# seen through instances, method calls, properties with setters, __slots__
# classes, inheritance with super(), and operator methods (__add__, __eq__,
# __hash__, __lt__) used by sets and sorting.

class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)

    def manhattan(self):
        return abs(self.x) + abs(self.y)


class Account:
    fee = 1

    def __init__(self, owner, balance):
        self.owner = owner
        self._balance = balance
        self.moves = 0

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, value):
        self.moves += 1
        self._balance = value

    def deposit(self, amount):
        self.balance = self.balance + amount - self.fee

    def interest(self, percent):
        return self._balance * percent // 100


class Savings(Account):
    fee = 0

    def __init__(self, owner, balance, bonus):
        super().__init__(owner, balance)
        self.bonus = bonus

    def deposit(self, amount):
        super().deposit(amount + self.bonus)


def main(n):
    accounts = [Account(i, 100) if i % 3 else Savings(i, 100, i % 5) for i in range(50)]
    position = Vec(0, 0)
    seen = set()
    steps = [Vec(1, 0), Vec(0, 1), Vec(-1, 0), Vec(0, -1), Vec(1, 1)]
    total = 0
    for i in range(n):
        account = accounts[i % 50]
        account.deposit(i & 31)
        total += account.interest(3) + account.balance
        position = position + steps[(i * 7) % 5]
        if i % 4 == 0:
            seen.add(Vec(position.x % 64, position.y % 64))
    total += sum(a.moves for a in accounts) + len(seen)
    total += sum(v.manhattan() for v in sorted(seen)[:100])
    return total % 1000000007


print("objects", main(660000))
