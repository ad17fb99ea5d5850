# Exceptions: try/except/else/finally in loops, raising and catching a
# small hierarchy of own exception classes, chaining with "raise ... from",
# built-in exceptions (KeyError, ValueError, ZeroDivisionError, IndexError)
# caught by type, and with-statements on an own context manager that
# suppresses some errors. Only counts are checked, never the text of a
# built-in exception (that changes between versions).

class AppError(Exception):
    pass


class RetryError(AppError):
    def __init__(self, attempt):
        super().__init__(attempt)
        self.attempt = attempt


class Guard:
    def __init__(self, log):
        self.log = log

    def __enter__(self):
        self.log[0] += 1
        return self

    def __exit__(self, kind, value, traceback):
        if kind is not None and issubclass(kind, AppError):
            self.log[1] += 1
            return True
        return False


def risky(i):
    if i % 7 == 0:
        raise RetryError(i)
    if i % 11 == 0:
        raise AppError("bad %d" % i)
    return i


def wrapped(i):
    try:
        return risky(i)
    except RetryError as err:
        raise ValueError(err.attempt) from err


def main(n):
    table = {i: i for i in range(0, 100, 2)}
    log = [0, 0]
    total = 0
    for i in range(n):
        try:
            total += wrapped(i)
        except ValueError as err:
            total += err.__cause__.attempt
        except AppError:
            total += 3
        else:
            total += 1
        finally:
            total += 2
        try:
            total += table[i % 100]
        except KeyError:
            total -= 1
        try:
            total += 100 // (i % 13)
        except ZeroDivisionError:
            total += 5
        with Guard(log):
            risky(i)
            total += 1
    for text in ["12", "x3", "", "7", "-4", "0x1"] * (n // 60):
        try:
            total += int(text)
        except ValueError:
            total += 9
    items = list(range(10))
    for i in range(n // 10):
        try:
            total += items[i % 13]
        except IndexError:
            total += 4
    return (total + log[0] * 3 + log[1]) % 1000000007


print("exceptions", main(480000))
