#!/usr/bin/python3
"""Generate a random (but deterministic per seed) Kconfig stress tree.

Usage: gen_stress_tree.py SEED OUTDIR [NSYMS]

Environment: STRESS_INVERTED_RANGES=1 also allows ranges that can become
inverted (a symbol bound above the other bound); off by default.

Writes OUTDIR/Kconfig plus several files under OUTDIR/sub/ joined with
`source "sub/..."` (paths relative to OUTDIR, which is where the tools must
run).  Default NSYMS is 1100 (symbols, counting choice members).

Constructs used: bool/string/int/hex symbols (no tristate), `depends on`
chains, `default X if COND`, `def_bool`, `select ... if`, `imply ... if`,
named and unnamed choices (some `optional`, some with `default ... if`),
`range` on int/hex (with and without `if`, literal and symbol bounds),
nested if/endif, nested menus with `depends on` and `visible if`,
menuconfig, comments (with `depends on`), prompts with `if`, symbols
defined in two places, relational operators (= != < <= > >=).

Loop freedom by construction: every expression attached to the symbol with
index i references only symbols with index < i (enclosing if/menu conditions
included), and select/imply targets are non-choice bools with index > i.
So every dependency edge points from a later symbol to an earlier one.

Constructs on which kconfig-frontends 4.11 and Kconfiglib 14 disagree are
steered away from; see ORACLE-DIFFERENCES.md.  In particular:
  * string constants never look like numbers that C strtoll() and Python
    int() parse differently (leading zeros, trailing blanks, underscores,
    0b/0o prefixes), see D2; string symbols are compared with constants
    only by = and !=, and with each other by any operator.
  * no comparison against the empty string "" (D3: kconfig-conf aborts
    when it prints such an expression in a warning).
  * every definition of a multiply-defined symbol has dependencies, or
    none has (D4).
"""
import os
import random
import sys

# Raw string values (unescaped).  No '$'.  Numeric-looking entries are only
# ones that parse identically as C strtoll(base 0) and Python int(x, 0).
STRING_POOL = [
    "", "hello", "hello world", "  leading spaces", "trailing spaces  ",
    'say "hi"', "back\\slash", "C:\\path\\to\\dir", 'mixed \\"both\\"',
    "it's", "#not a comment", "a=b", "CONFIG_FOO=y", "# CONFIG_BAR is not set",
    "tab\there", "caf\u00e9", "-O2 -g -pipe", "/usr/local", "x86_64-linux-gnu",
    "42", "0x2a", "-7", "yes", "no", "y", "n", "m", "semi;colon", "end\\",
    "\\\"", "''", "a  b   c", "{braces}", "(parens)", "comma,separated",
]


def kstr(s):
    """Quote a raw value as a Kconfig string literal."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


REL_P = {"=": 0.3, "!=": 0.7, "<": 0.5, "<=": 0.5, ">": 0.5, ">=": 0.5}


class Sym(object):
    def __init__(self, name, typ, idx):
        self.name = name
        self.typ = typ          # bool, string, int, hex
        self.idx = idx
        self.choice = None      # choice id if member
        self.always_valued = False
        self.lits = []          # literal values mentioned (for comparisons)
        self.has_dep = False    # first definition has dependencies (D4)
        self.py = 0.5           # rough estimate of P(value is y)


class Deferred(object):
    """A line whose content is decided after all symbols exist."""

    def __init__(self, fn):
        self.fn = fn


class Gen(object):
    def __init__(self, seed, nsyms):
        self.last_p = 1.0
        self.r = random.Random(seed)
        self.seed = seed
        self.target = nsyms
        self.syms = []
        self.by_type = {"bool": [], "string": [], "int": [], "hex": []}
        self.valued = {"int": [], "hex": []}
        self.nonchoice_bools = []
        self.files = {}      # relpath -> list of lines
        self.file_order = []
        self.nchoices = 0
        self.nmenus = 0
        self.stats = {}

    # ------------------------------------------------------------ helpers
    def count(self, key):
        self.stats[key] = self.stats.get(key, 0) + 1

    def new_sym(self, typ, prefix):
        idx = len(self.syms)
        s = Sym("%s_%04d" % (prefix, idx), typ, idx)
        self.syms.append(s)
        return s

    def register(self, s):
        """Make s available to later expressions."""
        self.by_type[s.typ].append(s)
        if s.typ == "bool" and s.choice is None:
            self.nonchoice_bools.append(s)
        if s.typ in ("int", "hex") and s.always_valued:
            self.valued[s.typ].append(s)

    def pick(self, lst, maxidx):
        cands = [s for s in lst[-60:] if s.idx < maxidx]
        if not cands:
            cands = [s for s in lst if s.idx < maxidx]
        if not cands:
            return None
        # bias towards recent symbols -> deeper chains
        if self.r.random() < 0.6:
            return self.r.choice(cands[-15:])
        return self.r.choice(cands)

    def int_lit(self, typ, near=None):
        r = self.r
        if typ == "int":
            if near is not None and r.random() < 0.7:
                return str(near + r.choice([-3, -1, 0, 0, 0, 1, 2]))
            return str(r.choice([0, 1, 2, 5, 10, 16, 50, 100, -3, 255, 1000]))
        v = near if near is not None and r.random() < 0.7 else \
            r.choice([0, 1, 0x10, 0x20, 0xff, 0x100, 0x1000])
        v = max(0, v + (r.choice([-2, 0, 0, 0, 1])
                        if near is not None else 0))
        return "0x%x" % v

    # ------------------------------------------------------- expressions
    def atom(self, maxidx):
        r = self.r
        x = r.random()
        if x < 0.62:
            # choice members are rarely y (and mutually exclusive): use them
            # sparingly, or most dependencies would never be met
            s = self.pick(self.by_type["bool"] if r.random() < 0.15
                          else self.nonchoice_bools, maxidx)
            if s:
                if r.random() < 0.2:
                    self.last_p = 1 - s.py
                    return "!" + s.name
                self.last_p = s.py
                return s.name
        elif x < 0.72:
            # mostly "always valued" ints; sometimes ones that can be empty
            # (both oracles compare "" by strcmp, see ORACLE-DIFFERENCES.md)
            s = self.pick(self.valued["int"] if r.random() < 0.7
                          else self.by_type["int"], maxidx)
            if s:
                op = r.choice(["=", "!=", "<", "<=", ">", ">="])
                if r.random() < 0.25:
                    o = self.pick(self.valued["int"], maxidx)
                    if o:
                        self.count("rel-int-int")
                        self.last_p = REL_P[op]
                        return "%s %s %s" % (s.name, op, o.name)
                self.count("rel-int-const")
                self.last_p = REL_P[op]
                near = int(r.choice(s.lits)) if s.lits else None
                return "%s %s %s" % (s.name, op, self.int_lit("int", near))
        elif x < 0.78:
            s = self.pick(self.valued["hex"] if r.random() < 0.7
                          else self.by_type["hex"], maxidx)
            if s:
                op = r.choice(["=", "!=", "<", "<=", ">", ">="])
                self.count("rel-hex-const")
                self.last_p = REL_P[op]
                near = int(r.choice(s.lits), 16) if s.lits else None
                return "%s %s %s" % (s.name, op, self.int_lit("hex", near))
        elif x < 0.86:
            s = self.pick(self.by_type["string"], maxidx)
            if s:
                if r.random() < 0.35:
                    o = self.pick(self.by_type["string"], maxidx)
                    if o and o is not s:
                        self.count("rel-str-str")
                        op = r.choice(["=", "!=", "<", "<=", ">", ">="])
                        self.last_p = REL_P[op]
                        return "%s %s %s" % (s.name, op, o.name)
                self.count("rel-str-const")
                # never compare against "": kconfig-conf 4.11 aborts when it
                # prints such an expression in a warning (D3)
                own = [l for l in s.lits if l]
                lit = r.choice(own) if own and r.random() < 0.7 else \
                    r.choice([l for l in STRING_POOL if l])
                op = r.choice(["=", "!="])
                self.last_p = REL_P[op]
                return "%s %s %s" % (s.name, op, kstr(lit))
        elif x < 0.90:
            a = self.pick(self.by_type["bool"], maxidx)
            if a:
                self.count("rel-bool")
                if r.random() < 0.5:
                    op, v = r.choice(["=", "!="]), r.choice(["y", "n"])
                    self.last_p = a.py if (op == "=") == (v == "y") \
                        else 1 - a.py
                    return "%s %s %s" % (a.name, op, v)
                b = self.pick(self.by_type["bool"], maxidx)
                if b:
                    op = r.choice(["=", "!=", "<", ">="])
                    self.last_p = REL_P[op]
                    return "%s %s %s" % (a.name, op, b.name)
        elif x < 0.92:
            v = r.choice(["y", "n", "y"])
            self.last_p = 1.0 if v == "y" else 0.0
            return v
        s = self.pick(self.by_type["bool"], maxidx)
        self.last_p = s.py if s else 1.0
        return s.name if s else "y"

    def expr(self, maxidx, depth=0):
        r = self.r
        x = r.random()
        if depth < 2 and x < 0.12:
            self.count("expr-and")
            a = self.expr(maxidx, depth + 1)
            pa = self.last_p
            b = self.expr(maxidx, depth + 1)
            self.last_p *= pa
            return "%s && %s" % (a, b)
        if depth < 2 and x < 0.27:
            self.count("expr-or")
            a = self.expr(maxidx, depth + 1)
            pa = self.last_p
            b = self.expr(maxidx, depth + 1)
            self.last_p = 1 - (1 - pa) * (1 - self.last_p)
            return "(%s || %s)" % (a, b) if depth else "%s || %s" % (a, b)
        if depth < 2 and x < 0.31:
            self.count("expr-not-paren")
            e = "!(%s)" % self.expr(maxidx, depth + 1)
            self.last_p = 1 - self.last_p
            return e
        return self.atom(maxidx)

    def dep_expr(self, maxidx, want=0.4):
        """An expression for dependencies (depends on / if / menu): among a
        few random candidates take the first that is estimated to hold
        often enough, so that most of the tree stays reachable."""
        best, bp = None, -1
        for _ in range(8):
            e = self.expr(maxidx)
            if self.last_p >= want:
                return e
            if self.last_p > bp:
                best, bp = e, self.last_p
        self.last_p = bp
        return best

    # ----------------------------------------------------------- symbols
    def help(self, out, ind):
        if self.r.random() < 0.1:
            out.append(ind + "help")
            out.append(ind + "  Help text for a generated symbol.")
            out.append(ind + "  Second line with \"quotes\" and a \\ backslash.")

    def prompt_line(self, typ, s, maxidx, ind):
        line = "%s%s %s" % (ind, typ, kstr("Prompt of %s" % s.name))
        if self.r.random() < 0.15:
            self.count("prompt-if")
            line += " if " + self.expr(maxidx)
        return line

    def select_lines(self, s, ind, out, cond_max):
        """Deferred select/imply lines from s (bool) to later bools."""
        r = self.r
        for kw, p in (("select", 0.14), ("imply", 0.10)):
            while r.random() < p:
                cond = self.expr(cond_max) if r.random() < 0.5 else None
                src = s.idx

                def fn(kw=kw, cond=cond, src=src):
                    cands = [t for t in self.nonchoice_bools if t.idx > src]
                    if not cands:
                        return None
                    t = self.r.choice(cands[:40])
                    self.count(kw)
                    return "%s%s %s%s" % (ind, kw, t.name,
                                          " if " + cond if cond else "")
                out.append(Deferred(fn))
                p /= 3

    def gen_config(self, out, ctx, forced_dep=None, kind=None):
        r = self.r
        ind = "\t"
        if kind is None:
            x = r.random()
            kind = "bool" if x < 0.55 else "string" if x < 0.72 else \
                "int" if x < 0.88 else "hex"
        prefix = {"bool": "B", "string": "S", "int": "I", "hex": "H"}[kind]
        s = self.new_sym(kind, prefix)
        self.count("sym-" + kind)
        out.append("config " + s.name)
        has_dep = ctx["dep"]
        deps = []
        dep_p = ctx["p"]
        if forced_dep:
            deps.append(forced_dep[0])
            dep_p *= forced_dep[1]
        if r.random() < 0.30:
            deps.append(self.dep_expr(s.idx))
            dep_p *= self.last_p
        has_dep = has_dep or bool(deps)
        s.has_dep = has_dep
        s.py = dep_p * 0.55
        prompted = r.random() < (0.8 if kind == "bool" else 0.75)
        if kind == "bool":
            if not prompted and r.random() < 0.6:
                self.count("def_bool")
                if r.random() < 0.8:
                    e = self.expr(s.idx)
                    s.py = dep_p * self.last_p
                else:
                    e = r.choice("yn")
                    s.py = dep_p * (e == "y")
                line = ind + "def_bool " + e
                if r.random() < 0.25:
                    line += " if " + self.expr(s.idx)
                out.append(line)
            elif prompted and r.random() < 0.1:
                self.count("def_bool+prompt")
                out.append(ind + "def_bool " + r.choice(["y", "n",
                                                         self.expr(s.idx)]))
                out.append(self.prompt_line("prompt", s, s.idx, ind)[0:])
            else:
                out.append(self.prompt_line("bool", s, s.idx, ind) if prompted
                           else ind + "bool")
                for _ in range(r.choice([0, 0, 1, 1, 2])):
                    if r.random() < 0.6:
                        out.append("%sdefault %s if %s" % (
                            ind, r.choice(["y", "y", "n", self.expr(s.idx)]),
                            self.expr(s.idx)))
                    else:
                        out.append("%sdefault %s" % (
                            ind, r.choice(["y", "n", self.expr(s.idx)])))
        elif kind == "string":
            out.append(self.prompt_line("string", s, s.idx, ind) if prompted
                       else ind + "string")
            for _ in range(r.choice([0, 1, 1, 2, 3])):
                if r.random() < 0.2 and self.by_type["string"]:
                    o = self.pick(self.by_type["string"], s.idx)
                    val = o.name if o else kstr("")
                else:
                    lit = r.choice(STRING_POOL)
                    s.lits.append(lit)
                    val = kstr(lit)
                if r.random() < 0.5:
                    out.append("%sdefault %s if %s" % (ind, val,
                                                       self.expr(s.idx)))
                else:
                    out.append("%sdefault %s" % (ind, val))
        else:
            out.append(self.prompt_line(kind, s, s.idx, ind) if prompted
                       else ind + kind)
            # ranges
            nr = r.choice([0, 1, 1, 1, 2])
            for i in range(nr):
                if kind == "int":
                    lo = r.choice([-10, 0, 0, 1, 5, 10, 100])
                    hi = lo + r.choice([0, 1, 5, 20, 100, 1000])
                    los, his = str(lo), str(hi)
                else:
                    lo = r.choice([0, 0x10, 0x100, 0x1000])
                    hi = lo + r.choice([0, 1, 0xf, 0xff, 0xfff])
                    los, his = "0x%x" % lo, "0x%x" % hi
                if r.random() < 0.12 and self.valued[kind]:
                    o = self.pick(self.valued[kind], s.idx)
                    if o:
                        self.count("range-sym-bound")
                        # The other bound is made extreme so that the range
                        # cannot be inverted (lo > hi), unless
                        # STRESS_INVERTED_RANGES=1 (see the test report:
                        # cpyconf rejects its own output for inverted ranges)
                        inv = os.environ.get("STRESS_INVERTED_RANGES") == "1"
                        if r.random() < 0.5:
                            los = o.name
                            if not inv:
                                his = "1000000" if kind == "int" \
                                    else "0xffffffff"
                        else:
                            his = o.name
                            if not inv:
                                los = "-1000000" if kind == "int" else "0x0"
                s.lits += [str(lo), str(hi)] if kind == "int" else \
                    ["0x%x" % lo, "0x%x" % hi]
                line = "%srange %s %s" % (ind, los, his)
                if i < nr - 1 or r.random() < 0.3:
                    self.count("range-if")
                    line += " if " + self.expr(s.idx)
                else:
                    self.count("range")
                out.append(line)
            # defaults: some conditional, usually a final unconditional one
            base_lo = int(s.lits[0], 0) if s.lits else None
            uncond = r.random() < 0.9
            symref = False
            for _ in range(r.choice([0, 0, 1, 2])):
                if r.random() < 0.2 and self.valued[kind]:
                    o = self.pick(self.valued[kind], s.idx)
                    val = o.name if o else self.int_lit(kind, base_lo)
                else:
                    val = self.int_lit(kind, base_lo)
                out.append("%sdefault %s if %s" % (ind, val, self.expr(s.idx)))
            if uncond:
                val = self.int_lit(kind, base_lo)
                if r.random() < 0.1 and self.valued[kind]:
                    o = self.pick(self.valued[kind], s.idx)
                    if o:
                        val = o.name
                        symref = True
                if not symref:
                    s.lits.append(val)
                out.append("%sdefault %s" % (ind, val))
            # always-valued: unconditional default, no deps anywhere.
            # (defaults referencing symbols only reference always-valued ones)
            s.always_valued = uncond and not has_dep
        for d in deps:
            out.append(ind + "depends on " + d)
        if kind == "bool":
            self.select_lines(s, ind, out, s.idx)
        self.help(out, ind)
        out.append("")
        self.register(s)
        return s

    def gen_choice(self, out, ctx):
        r = self.r
        ind = "\t"
        self.nchoices += 1
        named = r.random() < 0.5
        optional = r.random() < 0.25
        nmem = r.randint(2, 5)
        first_idx = len(self.syms)
        members = [self.new_sym("bool", "C") for _ in range(nmem)]
        for m in members:
            m.choice = self.nchoices
        maxidx = first_idx   # choice-level expressions: before the members
        self.count("choice-named" if named else "choice-unnamed")
        if optional:
            self.count("choice-optional")
        out.append("choice CH_%04d" % first_idx if named else "choice")
        out.append("%s%s %s" % (ind, r.choice(["prompt", "bool"]),
                                kstr("Choice %d" % self.nchoices)))
        if optional:
            out.append(ind + "optional")
        cp = ctx["p"]
        if r.random() < 0.3:
            out.append(ind + "depends on " + self.dep_expr(maxidx))
            cp *= self.last_p
        for m in members:
            m.py = cp / len(members)
        nd = r.choice([0, 1, 1, 2, 3])
        if nd:
            self.count("choice-default")
        for i in range(nd):
            m = r.choice(members)
            if i < nd - 1 or r.random() < 0.3:
                out.append("%sdefault %s if %s" % (ind, m.name,
                                                   self.expr(maxidx)))
            else:
                out.append("%sdefault %s" % (ind, m.name))
        self.help(out, ind)
        out.append("")
        for m in members:
            out.append("config " + m.name)
            out.append(self.prompt_line("bool", m, maxidx, ind))
            if r.random() < 0.25:
                out.append(ind + "depends on " + self.dep_expr(maxidx))
                m.py *= self.last_p
            if r.random() < 0.3:
                self.select_lines(m, ind, out, maxidx)
            self.help(out, ind)
            out.append("")
        out.append("endchoice")
        out.append("")
        for m in members:
            self.register(m)

    def gen_redef(self, out, ctx):
        """Define an earlier symbol a second time (only where the enclosing
        conditions reference nothing at or after it)."""
        r = self.r
        # D4: either every definition of a symbol has dependencies or none
        # has (kconfig-conf ignores a dependency-less definition when
        # OR-ing the direct dependencies of all definitions).
        ctx_dep = ctx["dep"]
        cands = [s for s in self.syms
                 if s.choice is None and s.idx > ctx["maxref"]
                 and s in self.by_type[s.typ]
                 and (s.has_dep or not ctx_dep)]
        if not cands:
            return False
        s = r.choice(cands)
        ind = "\t"
        self.count("redefinition")
        out.append("config " + s.name)
        lines = []
        if r.random() < 0.6:
            lines.append(self.prompt_line(s.typ if r.random() < 0.5
                                          else "prompt", s, s.idx, ind))
        elif r.random() < 0.5:
            lines.append(ind + s.typ)
        if r.random() < 0.5:
            if s.typ == "bool":
                lines.append("%sdefault %s if %s" % (
                    ind, r.choice(["y", "n"]), self.expr(s.idx)))
            elif s.typ == "string":
                lit = r.choice(STRING_POOL)
                s.lits.append(lit)
                lines.append("%sdefault %s if %s" % (ind, kstr(lit),
                                                     self.expr(s.idx)))
            else:
                lines.append("%sdefault %s if %s" % (
                    ind, self.int_lit(s.typ, int(s.lits[0], 0)
                                      if s.lits else None),
                    self.expr(s.idx)))
        if s.typ in ("int", "hex") and r.random() < 0.4:
            lo = int(s.lits[0], 0) if s.lits else 0
            hi = lo + (10 if s.typ == "int" else 0x20)
            fmt = str if s.typ == "int" else hex
            lines.append("%srange %s %s if %s" % (ind, fmt(lo), fmt(hi),
                                                 self.expr(s.idx)))
            s.lits += [fmt(lo), fmt(hi)]
        if s.has_dep and (not ctx_dep or r.random() < 0.4):
            lines.append(ind + "depends on " + self.dep_expr(s.idx))
        if s.typ == "bool" and r.random() < 0.3:
            self.select_lines(s, ind, lines, s.idx)
        if not lines:
            lines.append(ind + s.typ)
        out.extend(lines)
        out.append("")
        return True

    # ------------------------------------------------------------ blocks
    def gen_block(self, out, budget, ctx, depth, fname):
        """Emit items until `budget` more symbols have been created."""
        r = self.r
        stop = len(self.syms) + budget
        while len(self.syms) < stop:
            x = r.random()
            left = stop - len(self.syms)
            if x < 0.55 or depth >= 4 or left < 3:
                self.gen_config(out, ctx)
            elif x < 0.63:
                self.gen_choice(out, ctx)
            elif x < 0.68:
                # menuconfig with children depending on it
                ms = self.new_sym("bool", "M")
                self.count("menuconfig")
                out.append("menuconfig " + ms.name)
                out.append("\tbool " + kstr("Menuconfig %s" % ms.name))
                if r.random() < 0.4:
                    out.append("\tdefault y")
                ms.has_dep = ctx["dep"]
                ms.py = ctx["p"] * 0.6
                if r.random() < 0.3:
                    out.append("\tdepends on " + self.dep_expr(ms.idx))
                    ms.has_dep = True
                    ms.py *= self.last_p
                self.select_lines(ms, "\t", out, ms.idx)
                out.append("")
                self.register(ms)
                if r.random() < 0.5:
                    for _ in range(r.randint(1, 5)):
                        self.gen_config(out, ctx, forced_dep=(ms.name, ms.py))
                else:
                    out.append("if " + ms.name)
                    out.append("")
                    sub = dict(ctx, maxref=max(ctx["maxref"], ms.idx),
                               dep=True, p=ms.py)
                    self.gen_block(out, r.randint(1, 8), sub, depth + 1, fname)
                    out.append("endif # " + ms.name)
                    out.append("")
            elif x < 0.76:
                self.nmenus += 1
                self.count("menu")
                out.append("menu " + kstr("Menu %d" % self.nmenus))
                maxidx = len(self.syms)
                sub = dict(ctx)
                # kconfig-frontends 4.11 grammar: `visible if` must come
                # before `depends on` in a menu entry
                if r.random() < 0.3:
                    self.count("menu-visible-if")
                    out.append("\tvisible if " + self.dep_expr(maxidx))
                    sub["maxref"] = max(sub["maxref"], maxidx - 1)
                if r.random() < 0.4:
                    self.count("menu-depends")
                    out.append("\tdepends on " + self.dep_expr(maxidx))
                    sub["maxref"] = max(sub["maxref"], maxidx - 1)
                    sub["dep"] = True
                    sub["p"] = ctx["p"] * self.last_p
                out.append("")
                self.gen_block(out, r.randint(2, min(40, max(2, left))), sub,
                               depth + 1, fname)
                out.append("endmenu")
                out.append("")
            elif x < 0.84:
                maxidx = len(self.syms)
                self.count("if-block")
                out.append("if " + self.dep_expr(maxidx))
                out.append("")
                sub = dict(ctx, maxref=max(ctx["maxref"], maxidx - 1),
                           dep=True, p=ctx["p"] * self.last_p)
                self.gen_block(out, r.randint(1, min(25, max(1, left))), sub,
                               depth + 1, fname)
                out.append("endif")
                out.append("")
            elif x < 0.88:
                self.count("comment")
                out.append("comment " + kstr("Comment at %d" % len(self.syms)))
                if r.random() < 0.5:
                    out.append("\tdepends on " + self.expr(len(self.syms)))
                out.append("")
            elif x < 0.95:
                if not self.gen_redef(out, ctx):
                    self.gen_config(out, ctx)
            else:
                # nested source (a file sourcing another file)
                if depth <= 2 and len(self.file_order) < 12 and left > 20:
                    sub_budget = r.randint(10, min(60, left - 5))
                    path = self.new_file(sub_budget, ctx, depth + 1)
                    out.append('source "%s"' % path)
                    out.append("")
                else:
                    self.gen_config(out, ctx)

    def new_file(self, budget, ctx, depth):
        n = len(self.file_order)
        path = "sub/part%02d.Kconfig" % n if n % 3 else \
            "sub/nested/part%02d.Kconfig" % n
        self.file_order.append(path)
        out = ["# %s: generated by gen_stress_tree.py seed %d" %
               (path, self.seed), ""]
        self.files[path] = out
        self.count("file")
        self.gen_block(out, budget, ctx, depth, path)
        return path

    def generate(self):
        r = self.r
        top = ['mainmenu "Stress tree seed %d"' % self.seed, ""]
        self.files["Kconfig"] = top
        ctx = {"maxref": -1, "dep": False, "p": 1.0}
        nparts = r.randint(5, 7)
        per = self.target // (nparts + 1)
        self.gen_block(top, per // 2, ctx, 0, "Kconfig")
        for i in range(nparts):
            if i == nparts - 1:
                budget = max(10, self.target - len(self.syms) - per // 2)
            else:
                budget = per
            if r.random() < 0.3:
                # source inside a menu / if block
                self.nmenus += 1
                top.append("menu " + kstr("Part menu %d" % self.nmenus))
                top.append("")
                path = self.new_file(budget, ctx, 1)
                top.append('source "%s"' % path)
                top.append("")
                top.append("endmenu")
                top.append("")
            else:
                path = self.new_file(budget, ctx, 1)
                top.append('source "%s"' % path)
                top.append("")
            # top-level redefinitions between parts
            for _ in range(r.randint(1, 4)):
                self.gen_redef(top, ctx)
        self.gen_block(top, max(1, self.target - len(self.syms)), ctx, 0,
                       "Kconfig")

    def render(self, outdir):
        for path, lines in self.files.items():
            full = os.path.join(outdir, path)
            d = os.path.dirname(full)
            if d and not os.path.isdir(d):
                os.makedirs(d)
            text = []
            for l in lines:
                if isinstance(l, Deferred):
                    l = l.fn()
                    if l is None:
                        continue
                text.append(l)
            with open(full, "w", encoding="utf-8") as f:
                f.write("\n".join(text) + "\n")


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    seed = int(argv[1])
    outdir = argv[2]
    nsyms = int(argv[3]) if len(argv) == 4 else 1100
    if not os.path.isdir(outdir):
        os.makedirs(outdir)
    g = Gen(seed, nsyms)
    g.generate()
    g.render(outdir)
    if os.environ.get("GEN_STATS"):
        for k in sorted(g.stats):
            sys.stderr.write("%-20s %d\n" % (k, g.stats[k]))
        sys.stderr.write("%-20s %d\n" % ("symbols", len(g.syms)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
