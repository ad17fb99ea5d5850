# Regular expressions: re.compile of several patterns, then search,
# match, findall, finditer with groups, split and sub (with a string and
# with a function) over a few hundred kilobytes of generated text.
import re


def make_text(lines):
    words = ["error", "warning", "info", "debug", "disk", "network", "user", "cache"]
    seed = 12345
    out = []
    for i in range(lines):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        word = words[seed % 8]
        day = 1 + seed % 28
        user = "user%d" % (seed % 97)
        out.append("2024-%02d-%02d %s: %s@example.org took %d ms on host-%d [%s]"
                   % (1 + i % 12, day, word.upper(), user, seed % 5000, seed % 13, word))
    return out


def main(lines):
    text = make_text(lines)
    date = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
    mail = re.compile(r"\b([a-z]+\d*)@([a-z]+)\.(org|com)\b")
    millis = re.compile(r"took (\d+) ms")
    level = re.compile(r"^\S+ (ERROR|WARNING):", re.MULTILINE)
    tag = re.compile(r"\[(\w+)\]$")
    total = 0
    for line in text:
        m = date.match(line)
        total += int(m.group(2)) + int(m.group(3))
        total += int(millis.search(line).group(1))
        total += len(mail.findall(line))
        total += len(tag.sub(lambda t: t.group(1).upper(), line))
    blob = "\n".join(text)
    total += len(level.findall(blob))
    total += sum(len(m.group(1)) for m in mail.finditer(blob))
    total += len(re.split(r"host-\d+", blob))
    total += len(re.sub(r"\d", "#", blob))
    total += len(re.sub(r"(?i)(error|warning)", r"<\1>", blob))
    return total % 1000000007


print("regex", main(60000))
