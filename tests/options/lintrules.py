"""The static rules of the option tree (options/CONVENTIONS.md), read with
Kconfiglib 14 as an independent reader of the tree. Used by lint.test on the
real tree and on a planted bad copy (to show that every rule can fail).

Usage: cd TREE && srctree=TREE /usr/bin/python3 lintrules.py [Kconfig]
Prints one "FAIL: file:line: ..." line per problem; exits 1 if any.

Rules:
- the tree loads without Kconfiglib warnings (bar the tolerated
  PY_SOURCE_VERSION "option env ... not set" one);
- every symbol and choice with a prompt has a help text of 2 to 8 non-blank
  lines, and no help line is wider than 72 columns. The width is measured
  on the help text as Kconfiglib returns it: tabs expanded to 8 columns
  over the whole file line, then the help's own indentation (one tab and
  two spaces, 10 columns) removed. For the usual tab+2 spaces indentation
  that is the raw .Kconfig line minus that leading tab+2 spaces;
- every visible prompt of a symbol or choice that emits something for
  configure (or make) shows its spelling, derived from the name as the
  translator derives it: ENABLE_FOO -> --enable-foo or --disable-foo,
  WITH_FOO -> --with-foo or --without-foo, ARG_FOO -> --foo, VAR_X / ENV_X /
  MAKE_X -> X, MODULE_x -> the module name (lowercase), SITE_X -> the
  cache variable x (lowercase). Members of a named
  ENABLE_/WITH_ choice show their value (member suffix, lowercase, _ -> -;
  _YES may show "yes" or the positive flag, _NO "no" or the negative flag;
  _AUTO emits nothing and is exempt). PY_ BUILD_ SOURCE_ INSTALL_ symbols and
  EXTRA_CONFIGURE_ARGS are internal or special and exempt. The spelling
  must stand as a word of its own: "--with-foo" is not found in
  "--with-foo-bar", "CFLAGS" not in "CONFIGURE_CFLAGS";
- every symbol name and choice name carries a prefix the translator knows,
  with the type the translator expects;
- members of a named choice ENABLE_X/WITH_X are named ENABLE_X_<VALUE>;
  members of other choices do not carry a configure prefix.
"""
import re
import sys

import kconfiglib

MAX_COLUMNS = 72
MAX_LINES = 8
MIN_LINES = 2

PREFIXES = ("ENABLE_", "WITH_", "ARG_", "VAR_", "ENV_", "MAKE_", "MODULE_", "SITE_",
            "PY_", "BUILD_", "SOURCE_", "INSTALL_")
INTERNAL = ("PY_", "BUILD_", "SOURCE_", "INSTALL_")
# names the translator handles one by one rather than by prefix
SPECIAL = {"EXTRA_CONFIGURE_ARGS"}
TYPES = {kconfiglib.BOOL: "bool", kconfiglib.STRING: "string", kconfiglib.INT: "int",
         kconfiglib.HEX: "hex", kconfiglib.TRISTATE: "tristate"}


def where(node):
    return "%s:%d" % (node.filename, node.linenr)


def flag_words(prefix, rest):
    """ENABLE_/WITH_ + FOO_BAR -> ("--enable-foo-bar", "--disable-foo-bar")."""
    word = rest.lower().replace("_", "-")
    if prefix == "ENABLE_":
        return ("--enable-" + word, "--disable-" + word)
    return ("--with-" + word, "--without-" + word)


def spellings(item, members):
    """The spellings any one of which the prompt of ITEM must show, or None
    when ITEM's prompt is exempt."""
    name = item.name
    if name is None or name in SPECIAL or name.startswith(INTERNAL):
        return None
    if isinstance(item, kconfiglib.Symbol) and name in members:
        choice = members[name]
        if not choice.startswith(("ENABLE_", "WITH_")):
            return None
        value = name[len(choice) + 1:]
        pos, neg = flag_words(choice[:choice.index("_") + 1], choice[choice.index("_") + 1:])
        if value == "AUTO":
            return None
        if value == "YES":
            return ("yes", pos)
        if value == "NO":
            return ("no", neg)
        return (value.lower().replace("_", "-"),)
    for prefix in ("ENABLE_", "WITH_"):
        if name.startswith(prefix):
            pos, neg = flag_words(prefix, name[len(prefix):])
            if isinstance(item, kconfiglib.Symbol) and item.orig_type == kconfiglib.STRING:
                return (pos,)
            return (pos, neg)
    if name.startswith("ARG_"):
        return ("--" + name[4:].lower().replace("_", "-"),)
    for prefix in ("VAR_", "ENV_", "MAKE_"):
        if name.startswith(prefix):
            return (name[len(prefix):],)
    if name.startswith("MODULE_"):
        return (name[7:].lower(),)
    if name.startswith("SITE_"):
        return (name[5:].lower(),)
    return None


def shows(prompt, word):
    return re.search(r"(?<![A-Za-z0-9_-])" + re.escape(word) + r"(?![A-Za-z0-9_-])", prompt) is not None


def check(top="Kconfig"):
    k = kconfiglib.Kconfig(top, warn_to_stderr=False)
    bad = []
    for w in k.warnings:
        if "PY_SOURCE_VERSION" in w and "option env" in w and "not set" in w:
            continue
        bad.append("Kconfiglib warning: " + w)

    members = {}
    for choice in k.unique_choices:
        node = choice.nodes[0]
        if choice.name is None:
            bad.append("%s: anonymous choice: choices are named after their option" % where(node))
            continue
        if not choice.name.startswith(PREFIXES):
            bad.append("%s: choice %s has no known prefix" % (where(node), choice.name))
        for sym in choice.syms:
            members[sym.name] = choice.name
            if choice.name.startswith(("ENABLE_", "WITH_")):
                if not (sym.name.startswith(choice.name + "_") and len(sym.name) > len(choice.name) + 1):
                    bad.append("%s: member %s of choice %s is not named %s_<VALUE>"
                               % (where(sym.nodes[0]), sym.name, choice.name, choice.name))
            elif sym.name.startswith(("ENABLE_", "WITH_", "ARG_", "VAR_", "ENV_", "MAKE_", "MODULE_")):
                bad.append("%s: member %s of choice %s would be read as a configure option"
                           % (where(sym.nodes[0]), sym.name, choice.name))

    for node in k.node_iter():
        item = node.item
        if not isinstance(item, (kconfiglib.Symbol, kconfiglib.Choice)) or not node.prompt:
            continue
        label = item.name or "<choice>"
        text = node.help or ""
        lines = [l for l in text.splitlines() if l.strip()]
        if len(lines) < MIN_LINES:
            bad.append("%s: %s has a prompt but %d line(s) of help (%d or more wanted)"
                       % (where(node), label, len(lines), MIN_LINES))
        if len(lines) > MAX_LINES:
            bad.append("%s: %s: help has %d lines (%d at most)"
                       % (where(node), label, len(lines), MAX_LINES))
        for line in text.splitlines():
            if len(line) > MAX_COLUMNS:
                bad.append("%s: %s: help line of %d columns (%d at most): %s"
                           % (where(node), label, len(line), MAX_COLUMNS, line.strip()[:40]))
        want = spellings(item, members)
        if want and not any(shows(node.prompt[0], w) for w in want):
            bad.append("%s: %s: prompt %r does not show %s"
                       % (where(node), label, node.prompt[0], " or ".join(want)))

    for sym in k.unique_defined_syms:
        node = sym.nodes[0]
        typ = TYPES.get(sym.orig_type, "unknown")
        if sym.name in SPECIAL:
            continue
        if not sym.name.startswith(PREFIXES):
            bad.append("%s: %s: the translator knows no prefix of this name" % (where(node), sym.name))
            continue
        if sym.name in members:
            if typ != "bool":
                bad.append("%s: choice member %s is %s" % (where(node), sym.name, typ))
            continue
        if sym.name.startswith(("ENABLE_", "WITH_", "MODULE_")) and typ not in ("bool", "string"):
            bad.append("%s: %s is %s; the translator maps only bool and string" % (where(node), sym.name, typ))
        elif sym.name.startswith(("VAR_", "ENV_", "MAKE_", "SITE_")) and typ != "string":
            bad.append("%s: %s is %s; NAME=VALUE symbols are strings" % (where(node), sym.name, typ))
        elif sym.name.startswith("ARG_") and typ not in ("bool", "string"):
            bad.append("%s: %s is %s; autoconf options are bool or string" % (where(node), sym.name, typ))
        if sym.name.startswith("MODULE_") and typ != "bool":
            bad.append("%s: %s: stdlib module symbols are bools" % (where(node), sym.name))

    for b in bad:
        print("FAIL: " + b)
    print("Kconfiglib: %d symbols, %d choices checked" % (len(k.unique_defined_syms), len(k.unique_choices)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(check(*sys.argv[1:]))
