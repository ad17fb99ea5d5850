#!/usr/bin/python3
"""Shrink a Kconfig tree + input config on which two engines disagree.

Usage:
  minimize.py TREE INPUT OUTDIR [--target T] [--engines A,B] [--symbol SYM]
              [--cpyconf PATH] [--env NAME=VALUE]

TREE is the directory holding the top Kconfig (sources are inlined first);
INPUT the .config given to the engines (use /dev/null for none: all*config
targets ignore it).  T is olddefconfig (default), savedefconfig,
alldefconfig, allnoconfig or allyesconfig.  The predicate is "engines A and B
produce different normalized results" (same normalizations as
diff_engines.py), restricted to SYM's line if --symbol is given.

Greedy delta debugging over: top-level entries (config blocks, menus, ifs,
choices; menus/ifs are also unwrapped), then single property lines, then
input config lines, then && / || operands in expressions.  Writes
OUTDIR/Kconfig, OUTDIR/input.config and OUTDIR/README with what each engine
produces.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, "/usr/lib/python3/dist-packages")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kconfiglib  # noqa: E402
import diff_engines  # noqa: E402

_source_re = re.compile(r'^\s*source\s+"([^"]+)"\s*$')


def flatten(tree, path="Kconfig"):
    out = []
    with open(os.path.join(tree, path), encoding="utf-8") as f:
        for line in f.read().split("\n"):
            m = _source_re.match(line)
            if m:
                out.extend(flatten(tree, m.group(1)))
            else:
                out.append(line)
    return out


class Checker(object):
    def __init__(self, args):
        self.args = args
        self.engines = args.engines.split(",")
        self.tmp = tempfile.mkdtemp(prefix="kmin.")
        self.env = dict(os.environ)
        for k in ("KCONFIG_ALLCONFIG", "KCONFIG_CONFIG", "srctree"):
            self.env.pop(k, None)
        for kv in args.env:
            k, v = kv.split("=", 1)
            self.env[k] = v
            os.environ[k] = v
        self.ntests = 0

    def outputs(self, klines, clines):
        """-> {engine: text or None}, types"""
        t = self.tmp
        for f in os.listdir(t):
            p = os.path.join(t, f)
            if os.path.isfile(p):
                os.unlink(p)
        with open(os.path.join(t, "Kconfig"), "w", encoding="utf-8") as f:
            f.write("\n".join(klines) + "\n")
        inp = os.path.join(t, "input.config")
        with open(inp, "w", encoding="utf-8") as f:
            f.write("\n".join(clines) + "\n")
        tg = self.args.target
        res = {}
        cwd = os.getcwd()
        os.chdir(t)
        try:
            try:
                kc = kconfiglib.Kconfig("Kconfig", warn_to_stderr=False)
            except Exception:
                return None, None
            types = {s.name: kconfiglib.TYPE_TO_STR[s.orig_type]
                     if s.orig_type else "unknown"
                     for s in kc.unique_defined_syms}
            if not self.args.allow_out_of_range and \
                    tg in ("olddefconfig", "savedefconfig"):
                # keep user values inside the active ranges (out-of-range
                # input is a different, known difference)
                kc.warn = True
                kc.load_config(inp)
                if any("outside the active range" in w and "user value" in w
                       for w in kc.warnings):
                    return None, None
                for s in kc.unique_defined_syms:
                    if s.orig_type in (kconfiglib.INT, kconfiglib.HEX) and \
                            s.user_value is not None:
                        s.str_value
                if any("outside the active range" in w and "user value" in w
                       for w in kc.warnings):
                    return None, None
            for e in self.engines:
                cfg = os.path.join(t, e + ".config")
                out = os.path.join(t, e + ".out")
                if tg in ("olddefconfig", "savedefconfig"):
                    shutil.copyfile(inp, cfg)
                if e == "kconfiglib":
                    kc.warn = False
                    if tg in ("olddefconfig", "savedefconfig"):
                        kc.load_config(cfg)
                    elif tg == "allnoconfig":
                        for s in kc.unique_defined_syms:
                            s.set_value(2 if s.is_allnoconfig_y else 0)
                    elif tg == "allyesconfig":
                        for s in kc.unique_defined_syms:
                            s.set_value(1 if s.choice else 2)
                        for c in kc.unique_choices:
                            c.set_value(2)
                    if tg == "savedefconfig":
                        kc.write_min_config(out)
                    else:
                        kc.write_config(out)
                    rc = 0
                else:
                    if e == "kconf":
                        argv = ["kconfig-conf",
                                "--savedefconfig=" + out
                                if tg == "savedefconfig" else "--" + tg,
                                "Kconfig"]
                        env = dict(self.env, KCONFIG_CONFIG=cfg)
                    else:
                        argv = [self.args.cpyconf, "--kconfig", "Kconfig",
                                "--config", cfg, tg] + \
                            ([out] if tg == "savedefconfig" else [])
                        env = self.env
                    p = subprocess.run(argv, env=env, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, timeout=60)
                    rc = p.returncode
                    if tg != "savedefconfig":
                        out = cfg
                if rc != 0 or not os.path.exists(out):
                    res[e] = None
                else:
                    with open(out, encoding="utf-8",
                              errors="surrogateescape") as f:
                        res[e] = f.read()
        finally:
            os.chdir(cwd)
        return res, types

    def norm(self, text, types):
        items, errors = diff_engines.parse_config(text, types)
        if self.args.target == "savedefconfig":
            return items
        return diff_engines.to_map(items, types, errors)

    def differs(self, klines, clines):
        self.ntests += 1
        res, types = self.outputs(klines, clines)
        if res is None:
            return False
        a, b = self.engines[0], self.engines[1]
        if res[a] is None or res[b] is None:
            # a crash/failure of exactly one engine is a difference worth
            # keeping only if that is what we are minimizing
            return self.args.symbol is None and (res[a] is None) != \
                (res[b] is None) and self.args.keep_failure
        na, nb = self.norm(res[a], types), self.norm(res[b], types)
        sym = self.args.symbol
        if sym:
            if isinstance(na, list):
                return [x for x in na if x[0] == sym] != \
                    [x for x in nb if x[0] == sym]
            return na.get(sym) != nb.get(sym)
        return na != nb


def entries(lines):
    """Split into top-level entries: list of (start, end) line ranges."""
    res = []
    start = None
    for i, l in enumerate(lines):
        if l and not l[0].isspace():
            if start is not None:
                res.append((start, i))
            start = i
    if start is not None:
        res.append((start, len(lines)))
    return res


def ddmin_lines(items, test):
    """Classic ddmin-ish chunk removal on a list; test(list)->bool."""
    n = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // n)
        removed = False
        for s in range(0, len(items), chunk):
            cand = items[:s] + items[s + chunk:]
            if cand and test(cand):
                items = cand
                n = max(n - 1, 2)
                removed = True
                break
        if not removed:
            if chunk == 1:
                break
            n = min(len(items), n * 2)
    return items


def reduce_entries(k, c, chk):
    """Remove whole top-level entries (config blocks etc.); structure
    keywords are removed in matched pairs by the unwrap pass."""
    structural = re.compile(r"^(menu|endmenu|if|endif|choice|endchoice|"
                            r"mainmenu)\b")

    def blocks(lines):
        return [lines[s:e] for s, e in entries(lines)]

    bl = blocks(k)
    keep_idx = [i for i, b in enumerate(bl) if structural.match(b[0])]
    movable = [i for i, b in enumerate(bl) if not structural.match(b[0])]

    def test(sel):
        s = set(sel) | set(keep_idx)
        nk = [l for i, b in enumerate(bl) if i in s for l in b]
        return chk.differs(nk, c)

    sel = ddmin_lines(movable, test)
    s = set(sel) | set(keep_idx)
    return [l for i, b in enumerate(bl) if i in s for l in b]


def unwrap(k, c, chk):
    """Remove menu/endmenu, if/endif, choice/endchoice pairs: first the
    whole construct, then just the wrapper lines."""
    progress = True
    while progress:
        progress = False
        bl = entries(k)
        heads = [(s, e) for s, e in bl]
        stack = []
        pairs = []
        for s, e in heads:
            w = k[s].split()[0] if k[s].split() else ""
            if w in ("menu", "if", "choice"):
                stack.append((w, s, e))
            elif w in ("endmenu", "endif", "endchoice") and stack:
                ow, os_, oe = stack.pop()
                pairs.append((os_, oe, s, e))
        for os_, oe, cs, ce in pairs:
            # whole construct
            nk = k[:os_] + k[ce:]
            if chk.differs(nk, c):
                k = nk
                progress = True
                break
            if k[os_].startswith("choice"):
                continue
            nk = k[:os_] + k[oe:cs] + k[ce:]
            if chk.differs(nk, c):
                k = nk
                progress = True
                break
    return k


def reduce_props(k, c, chk):
    progress = True
    while progress:
        progress = False
        for i in range(len(k) - 1, -1, -1):
            if i >= len(k):
                continue
            l = k[i]
            if not l.strip() or not l[0].isspace():
                if l.strip() == "":
                    nk = k[:i] + k[i + 1:]
                    k = nk
                continue
            nk = k[:i] + k[i + 1:]
            if chk.differs(nk, c):
                k = nk
                progress = True
    # drop help texts and comments
    return k


def simplify_exprs(k, c, chk):
    """Try replacing `X && Y` / `X || Y` operands by one side."""
    op_re = re.compile(r"\s(&&|\|\|)\s")
    progress = True
    while progress:
        progress = False
        for i, l in enumerate(k):
            for m in op_re.finditer(l):
                # split at this top-level-ish operator position
                left, right = l[:m.start()], l[m.end():]
                kw = re.match(r"^(\s*(?:depends on|visible if|def_bool|"
                              r"default|select \S+ if|imply \S+ if|"
                              r"(?:bool|prompt|string|int|hex)\s+\"[^\"]*\""
                              r"\s+if|range \S+ \S+ if|default \S+ if|"
                              r"default \"[^\"]*\" if|if)\s+)", l)
                if not kw:
                    continue
                prefix = kw.group(1)
                if m.start() < len(prefix):
                    continue
                for cand in (left, prefix + right):
                    if cand.count("(") != cand.count(")"):
                        continue
                    nk = k[:i] + [cand] + k[i + 1:]
                    if chk.differs(nk, c):
                        k = nk
                        progress = True
                        break
                if progress:
                    break
            if progress:
                break
    return k


def main(argv):
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("tree")
    ap.add_argument("input")
    ap.add_argument("outdir")
    ap.add_argument("--target", default="olddefconfig")
    ap.add_argument("--engines", default="kconf,kconfiglib")
    ap.add_argument("--symbol", default=None)
    ap.add_argument("--cpyconf", default=os.environ.get(
        "CPYCONF", "/work/main/build/cpyconf"))
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--allow-out-of-range", action="store_true",
                    help="accept reductions that make int/hex user values "
                    "fall outside their active range")
    ap.add_argument("--keep-failure", action="store_true",
                    help="also minimize 'one engine fails, other does not'")
    args = ap.parse_args(argv[1:])
    args.cpyconf = os.path.abspath(args.cpyconf)
    tree = os.path.abspath(args.tree)
    if os.path.isfile(tree):
        tree = os.path.dirname(tree)
    k = [l for l in flatten(tree)]
    with open(args.input, encoding="utf-8") as f:
        c = [l for l in f.read().split("\n") if l.strip()]
    chk = Checker(args)
    if not chk.differs(k, c):
        sys.stderr.write("no difference on the full input; nothing to do\n")
        return 1
    # drop help blocks quickly (they never matter)
    nk, skip = [], False
    for l in k:
        if l.strip() == "help":
            skip = True
            continue
        if skip and (l.startswith("\t  ") or not l.strip()):
            continue
        skip = False
        nk.append(l)
    if chk.differs(nk, c):
        k = nk
    for _ in range(3):
        before = (len(k), len(c))
        k = reduce_entries(k, c, chk)
        k = unwrap(k, c, chk)
        c = ddmin_lines(c, lambda cc: chk.differs(k, cc)) if c else c
        if c and len(c) == 1 and chk.differs(k, []):
            c = []
        k = reduce_props(k, c, chk)
        k = simplify_exprs(k, c, chk)
        if (len(k), len(c)) == before:
            break
    k = [l for l in k if l.strip()]
    # pretty: blank line before each top-level entry
    pk = []
    for l in k:
        if l and not l[0].isspace() and pk:
            pk.append("")
        pk.append(l)
    os.makedirs(args.outdir, exist_ok=True)
    with open(os.path.join(args.outdir, "Kconfig"), "w",
              encoding="utf-8") as f:
        f.write("\n".join(pk) + "\n")
    with open(os.path.join(args.outdir, "input.config"), "w",
              encoding="utf-8") as f:
        f.write("\n".join(c) + ("\n" if c else ""))
    res, types = chk.outputs(pk, c)
    with open(os.path.join(args.outdir, "README"), "w",
              encoding="utf-8") as f:
        f.write("target: %s   engines: %s   symbol: %s   (%d checks)\n\n" % (
            args.target, args.engines, args.symbol, chk.ntests))
        f.write("run from this directory, e.g.\n")
        if args.target == "savedefconfig":
            f.write("  KCONFIG_CONFIG=input.config kconfig-conf "
                    "--savedefconfig=out Kconfig\n\n")
        else:
            f.write("  cp input.config .config; KCONFIG_CONFIG=.config "
                    "kconfig-conf --%s Kconfig\n\n" % args.target)
        for e in chk.engines:
            f.write("---- %s output:\n" % e)
            t = res.get(e) if res else None
            f.write("<failed>\n" if t is None else "".join(
                l + "\n" for l in t.split("\n")
                if l.startswith(("CONFIG_", "# CONFIG_"))))
    shutil.rmtree(chk.tmp, ignore_errors=True)
    with open(os.path.join(args.outdir, "README"), encoding="utf-8") as f:
        sys.stdout.write("== Kconfig\n" + "\n".join(pk) + "\n== input.config\n"
                         + "\n".join(c) + "\n== " + f.read())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
