# Strings: building with join and +=, f-strings, %-formatting and
# str.format, methods (split, replace, strip, upper, lower, find,
# startswith, count, partition), slicing, and UTF-8 encode/decode of
# non-ASCII text.

WORDS = ["alpha", "Beta", "gamma", "Delta", "epsilon", "zeta", "Ärger", "naïve", "größe", "façade"]


def main(n):
    total = 0
    for i in range(n):
        a = WORDS[i % 10]
        b = WORDS[(i * 3 + 1) % 10]
        line = f"{i:06d} {a:>10} {b!r} {i * 0.5:.2f}"
        other = "%s-%d-%x" % (b, i, i)
        third = "{0}/{1}/{0}".format(a, b)
        total += len(line) + len(other) + len(third)
        total += line.find(b) + other.count("-") + third.rfind(a)
        head, _, tail = third.partition("/")
        total += len(head.upper()) + len(tail.lower()) + (" " + a + " ").strip().startswith("a")
        total += len(line.replace(" ", "_").split("_"))
        encoded = (a + b).encode("utf-8")
        total += len(encoded) + len(encoded.decode("utf-8")[1:-1])
    parts = []
    text = ""
    for i in range(n // 4):
        parts.append(WORDS[i % 10].title())
        text += WORDS[i % 7][:3]
    joined = ", ".join(parts)
    total += len(joined) + len(text) + joined.count("Ä") + text.index("gam")
    total += sum(map(len, joined.split(", ")))
    return total % 1000000007


print("strings", main(225000))
