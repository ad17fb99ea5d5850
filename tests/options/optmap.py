"""Shared helpers of tests/options/*.test: how configure's options map to the
Kconfig symbols of the tree (options/CONVENTIONS.md), parsing of a real
`configure --help`, of the reference inventory (configure-options.tsv) and
"which symbols can be active for a pinned version", as reported by
`cpyconf symbols` over a family of configs.

Standard library only; run with /usr/bin/python3.
"""
import concurrent.futures
import os
import re
import subprocess
import tempfile

VERSIONS = ["3.10", "3.11", "3.12", "3.13", "3.14", "3.15", "3.16"]
TARGETS = ["LINUX", "MACOS", "IOS", "ANDROID", "WASI", "EMSCRIPTEN", "OTHER_UNIX"]

# Options of autoconf's own that cpyconf deliberately has no symbol for,
# because cpyconf (scripts/build-python) runs configure itself.
MANAGED = {
    "--help": "prints help and exits: configure would configure nothing",
    "--version": "prints the version and exits: configure would configure nothing",
    "--no-create": "configure would write no Makefile, so nothing could be built",
    "--srcdir": "cpyconf runs configure out of tree by its path; the source tree is its own choice",
    "--quiet": "configure's output goes to a log file that cpyconf keeps in full",
    "--silent": "alias of --quiet",
    "--disable-option-checking": "cpyconf checks every option itself; unknown ones must stay an error",
}
# the generic placeholders of every autoconf --help
PLACEHOLDERS = {"--enable-FEATURE", "--disable-FEATURE", "--with-PACKAGE", "--without-PACKAGE"}


def vkey(v):
    return tuple(int(x) for x in v.split("."))


# ---------------------------------------------------------------- options
def feature_key(opt):
    """'--disable-gil' -> ('ENABLE_GIL'); '--with(out)-readline' -> 'WITH_READLINE';
    autoconf '--exec-prefix' -> 'ARG_EXEC_PREFIX'; a variable 'CC' -> None."""
    m = re.match(r"^--(enable|disable|with|without|with\(out\))-([A-Za-z0-9-]+)$", opt)
    if m:
        kind = "ENABLE" if m.group(1) in ("enable", "disable") else "WITH"
        return kind + "_" + m.group(2).upper().replace("-", "_")
    m = re.match(r"^--([a-z][a-z0-9-]*)$", opt)
    if m:
        return "ARG_" + m.group(1).upper().replace("-", "_")
    return None


def candidates(opt):
    """Symbol names (or named choices) an option or variable may map to."""
    if opt.startswith("-"):
        return [feature_key(opt)]
    return ["VAR_" + opt, "ENV_" + opt, "MAKE_" + opt]


def option_of_symbol(name):
    """ENABLE_FOO_BAR -> '--enable-foo-bar'; WITH_X -> '--with-x' (the
    normalised spelling feature_key() maps back to the same name)."""
    for prefix in ("ENABLE_", "WITH_"):
        if name.startswith(prefix):
            return "--" + prefix[:-1].lower() + "-" + name[len(prefix):].lower().replace("_", "-")
    return None


def parse_help(text):
    """Options and variables of a real `configure --help`: (options, variables),
    options as written (--disable-gil, --with(out)-readline, --prefix)."""
    options, variables = [], []
    section = None
    for line in text.splitlines():
        if line and not line[0].isspace():
            section = line.rstrip(":") if line.endswith(":") else None
            continue
        if section is None:
            continue
        if section.startswith("Some influential environment variables"):
            m = re.match(r"^  ([A-Z][A-Z0-9_]*)(\s|$)", line)
            if m:
                variables.append(m.group(1))
            continue
        # option lines are indented by 2 to 6 blanks, descriptions by more;
        # aliases come first, comma-separated: "-q, --quiet, --silent"
        m = re.match(r"^ {2,6}(-\S.*)$", line)
        if not m:
            continue
        for word in m.group(1).split():
            alias = word.endswith(",")
            word = re.sub(r"[=\[].*$", "", word.rstrip(","))
            if word.startswith("--") and word not in options:
                options.append(word)
            if not alias:
                break
    return options, variables


def parse_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if not line.strip():
                continue
            cells = line.rstrip("\n").split("\t")
            rows.append(dict(zip(header, cells + [""] * (len(header) - len(cells)))))
    return rows


def tsv_presence(row, version):
    """True / False / None (uncertain) for a row of configure-options.tsv.

    first_version '<=3.10' is 3.10 (the oldest series covered). A trailing
    '?' (NOTES.md, "Uncertain") marks options that are in main's snapshot
    (3.16) but whose first release is unsure between 3.15 and 3.16: the
    version in doubt is the named one when older than 3.16, else 3.15; it is
    asserted neither way, versions after it must have the option and
    versions before it must not. last_version is the last series that has
    it; empty means still present."""
    first = row["first_version"].replace("<=", "")
    uncertain = first.endswith("?")
    first = first.rstrip("?")
    last = row["last_version"].strip()
    v = vkey(version)
    if last and v > vkey(last):
        return False
    if uncertain:
        doubt = first if vkey(first) < vkey(VERSIONS[-1]) else VERSIONS[VERSIONS.index(first) - 1]
        if v == vkey(doubt):
            return None
        return v > vkey(doubt)
    return v >= vkey(first)


# ---------------------------------------------------------------- Kconfig
def kconfig_files(top):
    """The Kconfig files of the tree, following `source` from the top file."""
    out, todo = [], [os.path.join(top, "Kconfig")]
    while todo:
        path = todo.pop(0)
        out.append(path)
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r'^\s*source\s+"([^"]+)"', line)
                if m:
                    todo.append(os.path.join(top, m.group(1)))
    return out


def parse_choices(top):
    """{choice name (None for anonymous ones, numbered): [member names]}."""
    choices, current, anon = {}, None, 0
    for path in kconfig_files(top):
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = re.match(r"^choice(?:\s+(\w+))?\s*$", line)
                if m:
                    name = m.group(1)
                    if name is None:
                        anon += 1
                        name = "<anonymous choice %d>" % anon
                    current = name
                    choices[current] = []
                    continue
                if re.match(r"^endchoice\b", line):
                    current = None
                    continue
                m = re.match(r"^\s*config\s+(\w+)", line)
                if m and current is not None:
                    choices[current].append(m.group(1))
    return choices


class Tree:
    """cpyconf's view of the tree: which symbols can be active for a version."""

    def __init__(self, cpyconf, top, work, jobs=2):
        self.cpyconf, self.top, self.work, self.jobs = cpyconf, top, work, jobs
        self.choices = parse_choices(top)
        self.member_of = {m: c for c, ms in self.choices.items() for m in ms}
        self.errors = []
        self._n = 0
        base = self.symbols(["CONFIG_PY_VERSION_3_13=y"])
        self.types = {name: typ for name, (typ, _, _) in base.items()}

    def symbols(self, lines):
        """defconfig from the given lines, then `symbols`: {name: (type, active, value)}."""
        self._n += 1
        d = tempfile.mkdtemp(prefix="s%d." % self._n, dir=self.work)
        inp, cfg = os.path.join(d, "in"), os.path.join(d, "config")
        with open(inp, "w") as f:
            f.write("\n".join(lines) + "\n")
        kc = ["--kconfig", os.path.join(self.top, "Kconfig"), "--config", cfg]
        try:
            r = subprocess.run([self.cpyconf] + kc + ["defconfig", inp], capture_output=True, text=True)
        except OSError as e:
            self.errors.append("cannot run %s: %s" % (self.cpyconf, e))
            return {}
        if r.returncode != 0:
            self.errors.append("defconfig %s exited %d: %s" % (inp, r.returncode, r.stderr[-400:]))
            return {}
        try:
            r = subprocess.run([self.cpyconf] + kc + ["symbols"], capture_output=True, text=True)
        except OSError as e:
            self.errors.append("cannot run %s: %s" % (self.cpyconf, e))
            return {}
        if r.returncode != 0 or r.stderr.strip():
            self.errors.append("symbols for %s exited %d: %s" % (inp, r.returncode, r.stderr[-400:]))
            return {}
        out = {}
        for line in r.stdout.splitlines():
            cells = line.split("\t")
            if len(cells) < 3:
                self.errors.append("symbols: bad line %r" % line)
                continue
            out[cells[0]] = (cells[1], cells[2] == "active", cells[3] if len(cells) > 3 else "")
        return out

    def config_family(self, version):
        """Minimal configs that together reach every symbol a version can have:
        every target, each with its defaults, with every free bool n, and with
        every free bool y combined with the k-th member of every choice,
        strings empty or set. Symbols of the version and target choices and
        the derived PY_3_x_OR_LATER/PY_SOURCE_VERSION are never assigned."""
        pin = "CONFIG_PY_VERSION_%s=y" % version.replace(".", "_")
        fixed = set(self.choices.get("PY_VERSION", [])) | set(self.choices.get("PY_TARGET_OS", []))
        free = [s for s in self.types
                if s not in fixed and s not in self.member_of and s != "PY_SOURCE_VERSION"
                and not re.match(r"^PY_3_\d+_OR_LATER$", s)]
        bools = [s for s in free if self.types[s] == "bool"]
        strings = [s for s in free if self.types[s] == "string"]
        other = [c for c in self.choices if c not in ("PY_VERSION", "PY_TARGET_OS")]
        kmax = max(len(self.choices[c]) for c in other) if other else 1
        family = []
        for target in TARGETS:
            head = [pin, "CONFIG_PY_TARGET_%s=y" % target]
            family.append(head)
            family.append(head + ["# CONFIG_%s is not set" % s for s in bools])
            for k in range(kmax):
                picks = ["CONFIG_%s=y" % self.choices[c][min(k, len(self.choices[c]) - 1)] for c in other]
                yes = head + ["CONFIG_%s=y" % s for s in bools] + picks
                family.append(yes)
                family.append(yes + ['CONFIG_%s="x"' % s for s in strings])
        unique, seen = [], set()
        for lines in family:
            key = "\n".join(lines)
            if key not in seen:
                seen.add(key)
                unique.append(lines)
        return unique

    def reachable(self, version):
        """{symbol: True if active in at least one config of the family}."""
        family = self.config_family(version)
        with concurrent.futures.ThreadPoolExecutor(max_workers=self.jobs) as pool:
            results = list(pool.map(self.symbols, family))
        active = {}
        for res in results:
            for name, (_, act, _) in res.items():
                active[name] = active.get(name, False) or act
        return active, len(family)

    def lookup(self, active, opt):
        """(symbol or choice that exists for opt, or None; whether it is active)."""
        for name in candidates(opt):
            if name in self.choices:
                return name, any(active.get(m, False) for m in self.choices[name])
            if name in active:
                return name, active[name]
        return None, False
