#!/usr/bin/python3
"""Write a random raw .config input for a Kconfig tree.

Usage: gen_random_config.py KCONFIG SEED OUT

KCONFIG is the top Kconfig file; the tree is parsed (with Kconfiglib) from
the directory holding it, like the tools do.  The output assigns a random
subset of the symbols:

  * bool: y or n (`CONFIG_X=y` / `# CONFIG_X is not set`), including symbols
    without prompts (which every engine must ignore);
  * choices: at most one member =y per choice (sometimes an invisible one,
    sometimes none, sometimes all members explicitly n);
  * int/hex: a value WITHIN the range that is active for the final
    configuration (out-of-range user values are a separate test: kconfig-conf
    4.11 drops them at load time while Kconfiglib falls back to the default
    at evaluation time, and our engine rejects them);
  * string: a value from a pool of tricky but valid strings (spaces, quotes,
    backslashes, '#', '=', UTF-8; never '$'), escaped as .config requires.

Sometimes the lines are shuffled, and comments, blank lines and assignments
to undefined symbols are mixed in.  Deterministic per (tree, seed).

Importable: random_config(kconf, seed) returns the text, using (and
resetting) an already-parsed kconfiglib.Kconfig.
"""
import os
import random
import sys

sys.path.insert(0, "/usr/lib/python3/dist-packages")
import kconfiglib  # noqa: E402
from kconfiglib import BOOL, HEX, INT, STRING, expr_value  # noqa: E402

VALUE_POOL = [
    "", "hello", "hello world", "  leading spaces", "trailing spaces  ",
    'say "hi"', "back\\slash", "C:\\path\\to\\dir", 'mixed \\"both\\"',
    "it's", "#not a comment", "a=b", "CONFIG_FOO=y", "# CONFIG_BAR is not set",
    "tab\there", "caf\u00e9 \u00fcber", "-O2 -g -pipe", "/usr/local",
    "x86_64-linux-gnu", "42", "0x2a", "-7", "yes", "no", "y", "n", "m",
    "semi;colon", "end\\", "\\\"", "''", "a  b   c", "{braces}", "(parens)",
    "comma,separated", "--with-foo=bar --without-baz", "'single quoted'",
    "multi\\\\back", "=", "\"", "\\",
    # numbers both oracles read the same way (C strtoll / Python int, base 0);
    # nothing equal to 0, 1 or 2 (D10: compared with the constants n/m/y)
    " 42", "+42", "0X2A",
]


def conf_escape(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def _num(s, base):
    try:
        return int(s, base)
    except ValueError:
        return 0   # like strtoll() on garbage


def active_range(sym):
    """(lo, hi) of the first range whose condition holds, or None."""
    base = 16 if sym.orig_type is HEX else 10
    for lo, hi, cond in sym.ranges:
        if expr_value(cond):
            return _num(lo.str_value, base), _num(hi.str_value, base)
    return None


def fmt_num(sym, v, r):
    if sym.orig_type is INT:
        return str(v)
    x = r.random()
    if x < 0.15:
        return "0x%X" % v
    if x < 0.20:
        return "0X%x" % v     # accepted as-is by both oracles
    if x < 0.25:
        return "%x" % v       # no prefix: accepted as-is by both oracles
    return "0x%x" % v


def pick_num(sym, r, rng):
    base = 16 if sym.orig_type is HEX else 10
    own = [_num(d.str_value, base) for d, _ in sym.defaults if d.is_constant]
    own = [v for v in own if rng is None or rng[0] <= v <= rng[1]]
    if own and r.random() < 0.3:
        return r.choice(own)
    if rng is None:
        if sym.orig_type is INT:
            return r.choice([0, 1, 7, 42, 100, 4096, -1, -50, 65535])
        return r.choice([0, 1, 0x10, 0xff, 0x1000, 0xdeadbeef])
    lo, hi = rng
    x = r.random()
    if x < 0.2:
        return lo
    if x < 0.4:
        return hi
    return r.randint(lo, hi)


def symbol_line(sym, val):
    n = sym.kconfig.config_prefix + sym.name
    if sym.orig_type is BOOL:
        return "%s=y" % n if val == "y" else "# %s is not set" % n
    if sym.orig_type is STRING:
        return '%s="%s"' % (n, conf_escape(val))
    return "%s=%s" % (n, val)


def random_config(kconf, seed):
    r = random.Random(seed)
    old_warn = kconf.warn
    kconf.warn = False
    for sym in kconf.unique_defined_syms:
        sym.unset_value()
    for ch in kconf.unique_choices:
        ch.unset_value()

    p_assign = r.choice([0.15, 0.4, 0.7, 0.9, 1.0])
    p_y = r.choice([0.3, 0.5, 0.7, 0.9])
    assigned = {}   # sym -> value string

    # In about half of the configs no member of an `optional` choice is set
    # to y, so that kconfig-conf's savedefconfig (known bug D5 with selected
    # optional choices) can be compared too.
    opt_select = r.random() < 0.5

    # choices: at most one member =y
    for ch in kconf.unique_choices:
        x = r.random()
        if ch.is_optional and not opt_select and x < 0.55:
            x = 0.6
        members = [s for s in ch.syms if s.orig_type is BOOL]
        if not members:
            continue
        if x < 0.55:
            m = r.choice(members)
            assigned[m] = "y"
            for o in members:
                if o is not m and r.random() < 0.5:
                    assigned[o] = "n"
        elif x < 0.7:
            for o in members:
                assigned[o] = "n"
        elif x < 0.8:
            for o in members:
                if r.random() < 0.5:
                    assigned[o] = "n"

    for sym in kconf.unique_defined_syms:
        if sym.choice or sym.env_var is not None:
            continue
        if r.random() > p_assign:
            continue
        if sym.orig_type is BOOL:
            assigned[sym] = "y" if r.random() < p_y else "n"
        elif sym.orig_type is STRING:
            own = [d.str_value for d, _ in sym.defaults if d.is_constant]
            assigned[sym] = r.choice(own) if own and r.random() < 0.3 \
                else r.choice(VALUE_POOL)
        elif sym.orig_type in (INT, HEX):
            assigned[sym] = None   # decided below

    for sym, val in assigned.items():
        if val is not None:
            if sym.choice and val == "y":
                sym.choice.set_value(2)   # as load_config() does
            sym.set_value(val)

    # int/hex in definition order: in range for the state so far
    nums = [s for s in kconf.unique_defined_syms if s in assigned
            and assigned[s] is None]
    for sym in nums:
        rng = active_range(sym)
        if rng is not None and rng[0] > rng[1]:
            del assigned[sym]      # empty range: no valid value exists
            continue
        v = fmt_num(sym, pick_num(sym, r, rng), r)
        assigned[sym] = v
        sym.set_value(v)

    # fix-up rounds (for trees where ranges depend on later symbols)
    for _ in range(5):
        changed = False
        for sym in nums:
            if sym not in assigned:
                continue
            rng = active_range(sym)
            if rng is None:
                continue
            base = 16 if sym.orig_type is HEX else 10
            if rng[0] > rng[1]:
                del assigned[sym]
                sym.unset_value()
                changed = True
            elif not rng[0] <= int(assigned[sym], base) <= rng[1]:
                v = fmt_num(sym, pick_num(sym, r, rng), r)
                assigned[sym] = v
                sym.set_value(v)
                changed = True
        if not changed:
            break

    order = [s for s in kconf.unique_defined_syms if s in assigned]
    lines = [symbol_line(s, assigned[s]) for s in order]
    if r.random() < 0.25:
        r.shuffle(lines)
    if r.random() < 0.2:
        lines.insert(r.randint(0, len(lines)), "CONFIG_UNDEFINED_SYMBOL_XYZ=y")
        lines.insert(r.randint(0, len(lines)), "# random comment line")
        lines.insert(r.randint(0, len(lines)), "")
    kconf.warn = old_warn
    return "# random config seed %d\n" % seed + "\n".join(lines) + "\n"


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__)
        return 2
    kconfig, seed, out = argv[1], int(argv[2]), os.path.abspath(argv[3])
    d = os.path.dirname(os.path.abspath(kconfig))
    os.chdir(d)
    kconf = kconfiglib.Kconfig(os.path.basename(kconfig),
                               warn_to_stderr=False)
    text = random_config(kconf, seed)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
