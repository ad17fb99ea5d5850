#!/usr/bin/python3
"""Differential test of Kconfig engines: kconfig-conf (kconfig-frontends
4.11), Kconfiglib 14 and cpyconf.

Engines (names used in reports):
  kconf      KCONFIG_CONFIG=F kconfig-conf --olddefconfig Kconfig
             KCONFIG_CONFIG=F kconfig-conf --savedefconfig=OUT Kconfig
             KCONFIG_CONFIG=F kconfig-conf --alldefconfig|--allnoconfig|
                                           --allyesconfig Kconfig
  kconfiglib in-process: Kconfig(TOP); load_config(F); write_config /
             write_min_config; all*config exactly like Kconfiglib's
             alldefconfig.py / allnoconfig.py / allyesconfig.py
  ours       $CPYCONF --kconfig Kconfig --config F olddefconfig
             $CPYCONF --kconfig Kconfig --config F savedefconfig OUT
             $CPYCONF --kconfig Kconfig --config F alldefconfig|allnoconfig|
                                                   allyesconfig
All tools run with the directory holding the top Kconfig as cwd, each on its
own copy of the input.

Comparison (the normalizations are equivalences of meaning only):
  olddefconfig / all*config: every output is parsed into {SYMBOL: value}.
    N1  a bool written as `# CONFIG_X is not set` and a bool not written at
        all both mean n: bool entries with value n are dropped on both sides.
        (A bool written as `CONFIG_X=n` is accepted as n too, but reported as
        a format error: kconfig-conf never writes it.)
    N2  string values are compared after unescaping (\\" and \\\\), i.e. as
        the value, not the bytes; escaping is canonical in every engine, so
        this only hides nothing.
    N3  comments, blank lines, headers and `# end of ...` lines are ignored.
    NOT normalized (real differences): int/hex spelling (0x1F vs 0x1f vs 31,
    a hint is printed when numerically equal), a string/int/hex symbol
    written vs not written (`CONFIG_S=""` is not the same as absent: it is
    emitted to auto.conf/autoconf.h), symbol order.
    Lines that match no .config syntax, and symbols written twice, are
    reported as format errors.
  olddefconfig-again: olddefconfig once more, with (rotating) kconf's or
    Kconfiglib's olddefconfig output or Kconfiglib's savedefconfig output as
    the input -- the everyday uses of olddefconfig on an existing .config or
    a defconfig file; compared like olddefconfig.
  savedefconfig: the lists of (SYMBOL, value) lines are compared in order
    (N2/N3 applied; `# CONFIG_X is not set` lines are kept: in a minimal
    config they are meaningful).  If only the order differs that is reported
    as an order difference.

Usage:
  diff_engines.py [options] TREE CONFIG...     compare on given input files
  diff_engines.py [options] --random N TREE    N random configs (seeds
                                               --seed-base .. +N-1)
Options:
  --engines kconf,kconfiglib,ours   (default: all three if $CPYCONF exists)
  --cpyconf PATH     (default $CPYCONF or /work/main/build/cpyconf)
  --seed-base S      (default 1)
  --all-targets      also compare alldefconfig/allnoconfig/allyesconfig
  --no-savedefconfig
  -j N               worker processes (default 2)
  --env NAME=VALUE   set in the environment of all engines (repeatable),
                     e.g. PY_SOURCE_VERSION=3.13 for the project tree
  --label L          name of the tree in the summary line
  --top FILE         the top Kconfig file, relative to TREE (default Kconfig)
  --show N           print the first N differences (default 5)
  --keep DIR         copy inputs of failing cases to DIR
Exit status: 0 all equal, 1 differences (or engine failures), 2 usage.
"""
import difflib
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, "/usr/lib/python3/dist-packages")
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import kconfiglib  # noqa: E402
import gen_random_config  # noqa: E402

ALL_ENGINES = ["kconf", "kconfiglib", "ours"]
TARGETS_ALL = ["alldefconfig", "allnoconfig", "allyesconfig"]

_set_re = re.compile(r"^CONFIG_([A-Za-z0-9_]+)=(.*)$")
_unset_re = re.compile(r"^# CONFIG_([A-Za-z0-9_]+) is not set$")
_str_re = re.compile(r'^"((?:[^"\\]|\\.)*)"$')
_unescape_re = re.compile(r"\\(.)")


def unescape(s):
    return _unescape_re.sub(r"\1", s)


def parse_config(text, types):
    """Parse .config text -> (list of (name, value) in order, errors).

    value: 'y'/'n' for bools, ('s', raw) for strings, text for int/hex."""
    items = []
    errors = []
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        m = _set_re.match(line)
        if m:
            name, val = m.groups()
            t = types.get(name)
            sm = _str_re.match(val)
            if t in ("bool", "tristate"):
                if val not in ("y", "n") and \
                        not (t == "tristate" and val == "m"):
                    errors.append("line %d: bad bool value: %r" % (lineno, line))
                if val == "n":
                    errors.append("line %d: bool written as =n "
                                  "(kconfig-conf writes '# ... is not set'): %r"
                                  % (lineno, line))
                items.append((name, val))
            elif t == "string" or (t is None and sm):
                if not sm:
                    errors.append("line %d: malformed string: %r"
                                  % (lineno, line))
                    items.append((name, ("s?", val)))
                else:
                    items.append((name, ("s", unescape(sm.group(1)))))
            else:
                if t in ("int", "hex") and not re.match(
                        r"^-?(0[xX])?[0-9a-fA-F]*$", val):
                    errors.append("line %d: malformed number: %r"
                                  % (lineno, line))
                items.append((name, val))
            continue
        m = _unset_re.match(line)
        if m:
            name = m.group(1)
            t = types.get(name)
            if t not in (None, "bool", "tristate"):
                errors.append("line %d: '# is not set' for %s symbol: %r"
                              % (lineno, t, line))
            items.append((name, "n"))
            continue
        if line.startswith("#"):
            continue
        errors.append("line %d: not .config syntax: %r" % (lineno, line))
    return items, errors


def to_map(items, types, errors):
    vals = {}
    for name, val in items:
        if name in vals:
            errors.append("symbol %s written twice" % name)
        vals[name] = val
    # N1: bool n == not written
    return {k: v for k, v in vals.items() if v != "n"}


def show_val(v):
    if v is None:
        return "<not written>"
    if isinstance(v, tuple):
        return '"%s"' % v[1].replace("\\", "\\\\").replace('"', '\\"')
    return v


def num_equal(a, b, t):
    if t not in ("int", "hex") or not isinstance(a, str) or \
            not isinstance(b, str):
        return False
    base = 16 if t == "hex" else 10
    try:
        return int(a, base) == int(b, base)
    except ValueError:
        return False


def compare_maps(ma, mb, types):
    """-> list of (symbol, a, b, hint)."""
    out = []
    for k in sorted(set(ma) | set(mb)):
        a, b = ma.get(k), mb.get(k)
        if a != b:
            t = types.get(k)
            hint = "numerically equal" if num_equal(a, b, t) else ""
            out.append((k, a, b, hint))
    return out


# ---------------------------------------------------------------- engines
class Runner(object):
    """One per worker process and tree."""

    def __init__(self, tree, engines, cpyconf, env, workdir, top="Kconfig"):
        self.tree = tree
        self.top = top
        self.engines = engines
        self.cpyconf = cpyconf
        self.workdir = workdir
        self.env = dict(os.environ)
        for k in ("KCONFIG_ALLCONFIG", "KCONFIG_CONFIG", "srctree",
                  "KCONFIG_CONFIG_HEADER", "KCONFIG_OVERWRITECONFIG",
                  "KCONFIG_NOSILENTUPDATE", "KCONFIG_AUTOCONFIG",
                  "KCONFIG_AUTOHEADER", "KCONFIG_TRISTATE", "CONFIG_"):
            self.env.pop(k, None)
        self.env.update(env)
        os.environ.clear()
        os.environ.update(self.env)
        os.chdir(tree)
        self.kconf = kconfiglib.Kconfig(top, warn_to_stderr=False)
        self.kconf.warn_assign_undef = False
        self.types = {}
        for s in self.kconf.unique_defined_syms:
            self.types[s.name] = kconfiglib.TYPE_TO_STR[s.orig_type] \
                if s.orig_type else "unknown"

    def run(self, argv, config_env=None):
        env = self.env
        if config_env:
            env = dict(env, KCONFIG_CONFIG=config_env)
        try:
            p = subprocess.run(argv, cwd=self.tree, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               timeout=60)
        except subprocess.TimeoutExpired:
            return 124, "timeout"
        except OSError as e:
            return 127, str(e)
        return p.returncode, p.stderr.decode("utf-8", "replace")

    def read(self, path):
        try:
            with open(path, encoding="utf-8", errors="surrogateescape") as f:
                return f.read()
        except OSError:
            return None

    # each returns (text or None, error message or None)
    def olddef(self, eng, inp, tag):
        path = os.path.join(self.workdir, "%s.%s.config" % (tag, eng))
        if inp is not None:
            shutil.copyfile(inp, path)
        elif os.path.exists(path):
            os.unlink(path)
        if eng == "kconf":
            rc, err = self.run(["kconfig-conf", "--olddefconfig", self.top],
                               path)
        elif eng == "ours":
            rc, err = self.run([self.cpyconf, "--kconfig", self.top,
                                "--config", path, "olddefconfig"])
        else:
            rc, err = 0, ""
            try:
                if inp is not None:
                    self.kconf.load_config(path)
                else:
                    self.kconf.load_config(path + ".none")  # missing: reset
                self.kconf.write_config(path)
            except Exception as e:   # noqa
                rc, err = 1, repr(e)
            del self.kconf.warnings[:]
        return self._result(rc, err, path)

    def savedef(self, eng, inp, tag):
        cfg = os.path.join(self.workdir, "%s.%s.sd-in" % (tag, eng))
        out = os.path.join(self.workdir, "%s.%s.defconfig" % (tag, eng))
        shutil.copyfile(inp, cfg)
        if os.path.exists(out):
            os.unlink(out)
        if eng == "kconf":
            rc, err = self.run(["kconfig-conf", "--savedefconfig=" + out,
                                self.top], cfg)
        elif eng == "ours":
            rc, err = self.run([self.cpyconf, "--kconfig", self.top,
                                "--config", cfg, "savedefconfig", out])
        else:
            rc, err = 0, ""
            try:
                self.kconf.load_config(cfg)
                self.kconf.write_min_config(out)
            except Exception as e:   # noqa
                rc, err = 1, repr(e)
            del self.kconf.warnings[:]
        return self._result(rc, err, out)

    def alltarget(self, eng, target, tag):
        path = os.path.join(self.workdir, "%s.%s.config" % (tag, eng))
        if os.path.exists(path):
            os.unlink(path)
        if eng == "kconf":
            rc, err = self.run(["kconfig-conf", "--" + target, self.top],
                               path)
        elif eng == "ours":
            rc, err = self.run([self.cpyconf, "--kconfig", self.top,
                                "--config", path, target])
        else:
            rc, err = 0, ""
            k = self.kconf
            try:
                k.warn = False
                for s in k.unique_defined_syms:
                    s.unset_value()
                for c in k.unique_choices:
                    c.unset_value()
                if target == "allnoconfig":
                    for s in k.unique_defined_syms:
                        s.set_value(2 if s.is_allnoconfig_y else 0)
                elif target == "allyesconfig":
                    for s in k.unique_defined_syms:
                        s.set_value(1 if s.choice else 2)
                    for c in k.unique_choices:
                        c.set_value(2)
                k.warn = True
                k.write_config(path)
            except Exception as e:   # noqa
                rc, err = 1, repr(e)
            del k.warnings[:]
        return self._result(rc, err, path)

    def _result(self, rc, err, path):
        if rc != 0:
            # the error lines, not the (many) warnings before them
            lines = [l for l in err.splitlines()
                     if "error" in l.lower() or "assert" in l.lower()]
            msg = "\n".join(lines[:5]) if lines else err.strip()[-600:]
            return None, "exit status %d: %s" % (rc, msg)
        text = self.read(path)
        if text is None:
            return None, "no output file written (stderr: %s)" % \
                err.strip()[-300:]
        return text, None

    # ------------------------------------------------------------ compare
    def compare_full(self, case, texts):
        diffs = []
        maps = {}
        for eng, (text, err) in texts.items():
            if err:
                diffs.append({"case": case, "engine": eng, "error": err})
                continue
            items, errors = parse_config(text, self.types)
            maps[eng] = to_map(items, self.types, errors)
            for e in errors:
                diffs.append({"case": case, "engine": eng,
                              "error": "format: " + e})
        engs = [e for e in self.engines if e in maps]
        for i in range(len(engs)):
            for j in range(i + 1, len(engs)):
                a, b = engs[i], engs[j]
                d = compare_maps(maps[a], maps[b], self.types)
                if d:
                    diffs.append({"case": case, "pair": (a, b),
                                  "syms": d})
        return diffs

    def compare_min(self, case, texts):
        diffs = []
        lists = {}
        for eng, (text, err) in texts.items():
            if err:
                diffs.append({"case": case, "engine": eng, "error": err})
                continue
            items, errors = parse_config(text, self.types)
            lists[eng] = items
            for e in errors:
                diffs.append({"case": case, "engine": eng,
                              "error": "format: " + e})
        engs = [e for e in self.engines if e in lists]  # (D5: maybe no kconf)
        for i in range(len(engs)):
            for j in range(i + 1, len(engs)):
                a, b = engs[i], engs[j]
                la, lb = lists[a], lists[b]
                if la == lb:
                    continue
                if sorted(la, key=repr) == sorted(lb, key=repr):
                    diffs.append({"case": case, "pair": (a, b),
                                  "order": (la, lb)})
                    continue
                sa, sb = set(la), set(lb)
                d = []
                ma, mb = dict(la), dict(lb)
                for k in sorted(set(ma) | set(mb)):
                    if ma.get(k) != mb.get(k) or \
                            ((k, ma.get(k)) in sa) != ((k, mb.get(k)) in sb):
                        d.append((k, ma.get(k), mb.get(k), ""))
                diffs.append({"case": case, "pair": (a, b), "syms": d,
                              "min": True})
        return diffs

    def kconf_savedef_unreliable(self, inp):
        """Known kconfig-conf 4.11 bug D5 (ORACLE-DIFFERENCES.md): its
        savedefconfig drops the selected member of an `optional` choice
        (and then gets other symbols wrong too).  True when the input leaves
        some optional choice in y mode, according to Kconfiglib."""
        k = self.kconf
        if not any(c.is_optional for c in k.unique_choices):
            return False
        k.load_config(inp)
        res = any(c.is_optional and c.tri_value == 2 and c.selection
                  for c in k.unique_choices)
        del k.warnings[:]
        return res

    def do_input(self, inp, tag, savedef=True, reread=True):
        texts = {e: self.olddef(e, inp, tag) for e in self.engines}
        diffs = self.compare_full("%s olddefconfig" % tag, texts)
        skipped = []
        mintexts = {}
        if savedef:
            engines = self.engines
            if "kconf" in engines and len(engines) > 1 and \
                    self.kconf_savedef_unreliable(inp):
                engines = [e for e in engines if e != "kconf"]
                skipped.append("D5")
            mintexts = {e: self.savedef(e, inp, tag) for e in engines}
            diffs += self.compare_min("%s savedefconfig" % tag, mintexts)
        if reread:
            # olddefconfig once more, on an oracle's output: the everyday
            # use (olddefconfig on an existing .config, or on a defconfig
            # file).  Rotates between kconf's and Kconfiglib's full output
            # and Kconfiglib's minimal config.
            srcs = []
            for e in ("kconf", "kconfiglib"):
                if e in texts and texts[e][0] is not None:
                    srcs.append((e + "'s output", texts[e][0]))
            if "kconfiglib" in mintexts and \
                    mintexts["kconfiglib"][0] is not None:
                srcs.append(("kconfiglib's savedefconfig",
                             mintexts["kconfiglib"][0]))
            if srcs:
                n = int(re.sub(r"\D", "", tag) or 0)
                what, text = srcs[n % len(srcs)]
                rinp = os.path.join(self.workdir, "%s.again-input" % tag)
                with open(rinp, "w", encoding="utf-8",
                          errors="surrogateescape") as f:
                    f.write(text)
                rtexts = {e: self.olddef(e, rinp, tag + "r")
                          for e in self.engines}
                rd = self.compare_full(
                    "%s olddefconfig-again (input: %s)" % (tag, what), rtexts)
                for d in rd:
                    d["input"] = rinp
                diffs += rd
        return diffs, skipped


_runner = None


def _init_worker(tree, engines, cpyconf, env, workdir, top):
    global _runner
    _runner = Runner(tree, engines, cpyconf, env, workdir, top)


def _job(job):
    kind, arg, savedef = job
    r = _runner
    skipped = []
    if kind == "random":
        seed = arg
        inp = os.path.join(r.workdir, "seed%d.input" % seed)
        text = gen_random_config.random_config(r.kconf, seed)
        with open(inp, "w", encoding="utf-8") as f:
            f.write(text)
        diffs, skipped = r.do_input(inp, "seed%d" % seed, savedef)
    elif kind == "file":
        inp = arg
        diffs, skipped = r.do_input(inp, os.path.basename(arg), savedef)
    else:   # all*config target
        texts = {e: r.alltarget(e, arg, arg) for e in r.engines}
        diffs = r.compare_full(arg, texts)
        inp = None
    for d in diffs:
        d.setdefault("input", inp)
    return kind, arg, diffs, skipped


# ---------------------------------------------------------------- report
def format_diff(d, label):
    lines = []
    if "error" in d:
        lines.append("[%s] %s: %s: %s" % (label, d["case"], d["engine"],
                                          d["error"]))
    elif "order" in d:
        a, b = d["pair"]
        la, lb = d["order"]
        lines.append("[%s] %s: %s vs %s: same lines, different order"
                     % (label, d["case"], a, b))
        for l in list(difflib.unified_diff(
                ["%s=%s" % (k, show_val(v)) for k, v in la],
                ["%s=%s" % (k, show_val(v)) for k, v in lb],
                a, b, lineterm="", n=1))[:12]:
            lines.append("    " + l)
    else:
        a, b = d["pair"]
        syms = d["syms"]
        lines.append("[%s] %s: %s vs %s: %d symbol(s) differ"
                     % (label, d["case"], a, b, len(syms)))
        for k, va, vb, hint in syms[:8]:
            lines.append("    CONFIG_%s: %s=%s  %s=%s%s" % (
                k, a, show_val(va), b, show_val(vb),
                "  (%s)" % hint if hint else ""))
        if len(syms) > 8:
            lines.append("    ... %d more" % (len(syms) - 8))
    if d.get("input"):
        lines.append("    input: %s" % d["input"])
    return "\n".join(lines)


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description="Kconfig engine differential test",
                                 usage=__doc__)
    ap.add_argument("tree")
    ap.add_argument("configs", nargs="*")
    ap.add_argument("--engines", default=None)
    ap.add_argument("--cpyconf", default=os.environ.get(
        "CPYCONF", "/work/main/build/cpyconf"))
    ap.add_argument("--random", type=int, default=0)
    ap.add_argument("--seed-base", type=int, default=1)
    ap.add_argument("--all-targets", action="store_true")
    ap.add_argument("--no-savedefconfig", action="store_true")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--label", default=None)
    ap.add_argument("--top", default="Kconfig")
    ap.add_argument("--show", type=int, default=5)
    ap.add_argument("--keep", default=None)
    args = ap.parse_args(argv[1:])

    tree = os.path.abspath(args.tree)
    if os.path.isfile(tree):
        tree = os.path.dirname(tree)
    label = args.label or os.path.basename(tree)
    if args.engines:
        engines = args.engines.split(",")
    else:
        engines = ["kconf", "kconfiglib"]
        if os.access(args.cpyconf, os.X_OK):
            engines.append("ours")
    for e in engines:
        if e not in ALL_ENGINES:
            ap.error("unknown engine " + e)
    cpyconf = os.path.abspath(args.cpyconf)
    env = dict(kv.split("=", 1) for kv in args.env)

    jobs = []
    savedef = not args.no_savedefconfig
    for c in args.configs:
        jobs.append(("file", os.path.abspath(c), savedef))
    for i in range(args.random):
        jobs.append(("random", args.seed_base + i, savedef))
    if args.all_targets:
        for t in TARGETS_ALL:
            jobs.append(("target", t, False))

    workdir = tempfile.mkdtemp(prefix="diffeng.")
    ncases = nfail = 0
    alldiffs = []
    pairs = {}
    known = {}
    try:
        initargs = (tree, engines, cpyconf, env, workdir, args.top)
        if args.j > 1 and len(jobs) > 1:
            ctx = multiprocessing.get_context("fork")
            pool = ctx.Pool(args.j, _init_worker, initargs)
            results = pool.imap_unordered(_job, jobs, chunksize=4)
        else:
            cwd = os.getcwd()
            _init_worker(*initargs)
            results = map(_job, jobs)
            pool = None
        for kind, arg, diffs, skipped in results:
            ncases += 1
            for k in skipped:
                known[k] = known.get(k, 0) + 1
            if diffs:
                nfail += 1
                alldiffs.extend(diffs)
                for d in diffs:
                    key = "-".join(d["pair"]) if "pair" in d else \
                        d["engine"] + "-error"
                    pairs[key] = pairs.get(key, 0) + 1
                if args.keep:
                    os.makedirs(args.keep, exist_ok=True)
                    for p in set(d.get("input") for d in diffs):
                        if p:
                            shutil.copy(p, args.keep)
        if pool:
            pool.close()
            pool.join()
        else:
            os.chdir(cwd)
    finally:
        # stable order for the report
        def key(d):
            m = re.match(r"seed(\d+)", d["case"])
            return (int(m.group(1)) if m else -1, d["case"])
        alldiffs.sort(key=key)
        for d in alldiffs[:args.show]:
            print(format_diff(d, label))
        shutil.rmtree(workdir, ignore_errors=True)

    per = ", ".join("%s %d" % kv for kv in sorted(pairs.items()))
    kn = ", ".join("%s %d" % kv for kv in sorted(known.items()))
    print("SUMMARY %s: engines=%s cases=%d (random=%d targets=%d files=%d) "
          "failing=%d diffs=%d%s%s" % (
              label, ",".join(engines), ncases, args.random,
              3 if args.all_targets else 0, len(args.configs), nfail,
              len(alldiffs), " [" + per + "]" if per else "",
              " (kconf savedefconfig not compared, known oracle bug: %s)"
              % kn if kn else ""))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
