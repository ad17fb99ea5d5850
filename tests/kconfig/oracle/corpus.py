#!/usr/bin/python3
"""Our engine against Kconfiglib 14 on Kconfig trees written elsewhere.

Usage: corpus.py CORPUS [--random N] [--cpyconf PATH] [--only LABEL...]
                        [--known FILE] [-j N] [--show N]

CORPUS is shared/kconfig-corpus (its README.md says what it holds). It is
copied to a temporary folder first: the trees are read-only material.

Trees: each top file kconfiglib/tests/K* (run from Kconfiglib's own folder,
the way its test suite runs most of them), each folder of linux/ holding a
Kconfig, busybox/Config.in and seabios/src/Kconfig.  Per tree:

  * Kconfiglib loads it or rejects it (an exception while parsing);
  * our engine loads it (olddefconfig on an empty config) or rejects it;
  * both reject it: fine when our message has FILE:LINE;
  * both load it: diff_engines.py compares olddefconfig and savedefconfig
    (and olddefconfig again on Kconfiglib's output) on the tree's own
    configs, N random configs (gen_random_config.py, made with Kconfiglib)
    and alldefconfig/allnoconfig/allyesconfig;
  * anything else is a difference.

Prints per corpus: trees, loaded by both, matched, differing, rejected by
both; then one line per differing tree.  --known FILE lists trees whose
difference is documented in ORACLE-DIFFERENCES.md ("LABEL  ENTRY" lines):
those are reported but do not fail, and a known tree that matches fails
(the list must be kept up to date).
Exit status: 0 no unknown difference, 1 otherwise, 2 usage.
"""
import argparse
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PY = "/usr/bin/python3"
# a message that names where: FILE:LINE:
LOCATED = re.compile(r"^[^\s:]+:\d+:", re.M)


def trees(root):
    """(corpus, label, folder, top file, [own configs])"""
    out = []
    klib = os.path.join(root, "kconfiglib")
    sourced = ("Kinclude_path_sourced_1", "Kinclude_path_sourced_2",
               "Klocation_sourced")
    own = {"Kappend": ["config_set_bool", "config_set_string", "empty",
                       "config_indented"]}
    for top in sorted(glob.glob(os.path.join(klib, "tests", "K*"))):
        name = os.path.basename(top)
        if name in sourced:
            continue
        cfgs = [os.path.join(klib, "tests", c) for c in own.get(name, [])]
        out.append(("kconfiglib", name, klib, "tests/" + name, cfgs))
    for kc in sorted(glob.glob(os.path.join(root, "linux", "**", "Kconfig"),
                           recursive=True)):
        folder = os.path.dirname(kc)
        label = os.path.relpath(folder, os.path.join(root, "linux"))
        cfgs = sorted(f for f in glob.glob(os.path.join(folder, "*"))
                      if os.path.isfile(f) and
                      not os.path.basename(f).startswith("Kconfig"))
        out.append(("linux", label, folder, "Kconfig", cfgs))
    bb = os.path.join(root, "busybox")
    out.append(("busybox", "busybox", bb, "Config.in",
                sorted(glob.glob(os.path.join(bb, "configs", "*")))))
    out.append(("seabios", "seabios", os.path.join(root, "seabios"),
                "src/Kconfig", []))
    return out


def env_for(folder):
    env = dict(os.environ)
    for k in list(env):
        if k.startswith("KCONFIG_"):
            del env[k]
    env["srctree"] = folder
    return env


def klib_loads(folder, top):
    """None if Kconfiglib loads the tree, else its message."""
    code = ("import sys; sys.path.insert(0, '/usr/lib/python3/dist-packages')\n"
            "import kconfiglib\n"
            "kconfiglib.Kconfig(sys.argv[1], warn_to_stderr=False)\n")
    try:
        p = subprocess.run([PY, "-c", code, top], cwd=folder,
                           env=env_for(folder), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=120)
    except subprocess.TimeoutExpired:
        return "timeout"
    if p.returncode == 0:
        return None
    lines = p.stderr.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "exit %d" % p.returncode


def ours_loads(cpyconf, folder, top, work):
    """(rc, stderr) of our olddefconfig on an empty config."""
    cfg = os.path.join(work, "empty.config")
    open(cfg, "w").close()
    try:
        p = subprocess.run([cpyconf, "--kconfig", top, "--config", cfg,
                            "olddefconfig"], cwd=folder, env=env_for(folder),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=120)
    except subprocess.TimeoutExpired:
        return 124, "timeout"
    return p.returncode, p.stderr.decode("utf-8", "replace")


def compare(args, cpyconf, folder, top, label, cfgs):
    """(matched, summary line and first differences)"""
    cmd = ["nice", "-n", "10", PY, os.path.join(HERE, "diff_engines.py"),
           "--engines", "kconfiglib,ours", "--cpyconf", cpyconf,
           "--top", top, "--label", label, "--env", "srctree=" + folder,
           "--random", str(args.random), "--all-targets", "-j", str(args.j),
           "--show", str(args.show), folder] + cfgs
    p = subprocess.run(cmd, cwd=folder, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    text = p.stdout.decode("utf-8", "replace").strip()
    return p.returncode == 0, text


def read_known(path):
    known = {}
    if path and os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.split("#", 1)[0].split()
            if len(line) >= 2:
                known[line[0]] = " ".join(line[1:])
    return known


def main(argv):
    ap = argparse.ArgumentParser(usage=__doc__)
    ap.add_argument("corpus")
    ap.add_argument("--random", type=int, default=20)
    ap.add_argument("--cpyconf", default=os.environ.get("CPYCONF"))
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--known", default=None)
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--show", type=int, default=3)
    args = ap.parse_args(argv[1:])
    if not args.cpyconf:
        ap.error("--cpyconf or $CPYCONF is needed")
    cpyconf = os.path.abspath(args.cpyconf)
    known = read_known(args.known)

    work = tempfile.mkdtemp(prefix="corpus.")
    try:
        root = os.path.join(work, "corpus")
        shutil.copytree(args.corpus, root, symlinks=True)
        counts = {}
        problems = []
        for corpus, label, folder, top, cfgs in trees(root):
            if args.only is not None and label not in args.only:
                continue
            c = counts.setdefault(corpus, dict(trees=0, loaded=0, matched=0,
                                               differing=0, rejected=0))
            c["trees"] += 1
            theirs = klib_loads(folder, top)
            rc, err = ours_loads(cpyconf, folder, top, work)
            why = None
            if theirs is not None and rc != 0:
                if LOCATED.search(err):
                    c["rejected"] += 1
                    continue
                why = "rejected by both, ours without FILE:LINE: " + \
                    err.strip()[:200]
            elif theirs is not None:
                why = "Kconfiglib rejects it (%s), ours loads it" % theirs
            elif rc != 0:
                first = [l for l in err.splitlines() if "error" in l][:3]
                why = "ours rejects it: " + " | ".join(first or [err[:200]])
            else:
                c["loaded"] += 1
                same, text = compare(args, cpyconf, folder, top, label, cfgs)
                if same:
                    c["matched"] += 1
                    if label in known:
                        problems.append("%s: listed in --known but matches"
                                        % label)
                    continue
                why = text
            c["differing"] += 1
            status = "known (%s)" % known[label] if label in known else "NEW"
            print("DIFFERS %s/%s [%s]: %s" % (corpus, label, status, why))
            if label not in known:
                problems.append("%s/%s differs" % (corpus, label))
        for corpus, c in counts.items():
            print("CORPUS %s: trees %d, loaded by both %d, matched %d, "
                  "differing %d, rejected by both %d"
                  % (corpus, c["trees"], c["loaded"], c["matched"],
                     c["differing"], c["rejected"]))
        for p in problems:
            print("FAIL: " + p)
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
