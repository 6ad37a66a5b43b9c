#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""One list of build dependencies, not two that drift: debian/control's
Build-Depends are build-aux/dev.sh's BUILD_PACKAGES (debhelper-compat
aside), and each <!nocheck> one, needed by the package's own test run, is
among the suite's TEST_PACKAGES.

    test-build-deps.py SOURCE-ROOT
"""
import re
import sys

root = sys.argv[1]


def bash_array(text, name):
    match = re.search(r"^%s=\((.*?)\)" % name, text, re.S | re.M)
    assert match, "build-aux/dev.sh has no %s=(…)" % name
    return set(match.group(1).split())


def build_depends(text):
    match = re.search(r"^Build-Depends:(.*?)(?=^\S|\Z)", text, re.S | re.M)
    assert match, "debian/control has no Build-Depends"
    plain, nocheck = set(), set()
    for item in match.group(1).split(","):
        item = item.strip()
        if not item:
            continue
        name = re.match(r"[a-z0-9.+-]+", item).group(0)
        (nocheck if "<!nocheck>" in item else plain).add(name)
    plain.discard("debhelper-compat")
    return plain, nocheck


with open(root + "/build-aux/dev.sh", encoding="utf-8") as f:
    dev = f.read()
with open(root + "/debian/control", encoding="utf-8") as f:
    control = f.read()

build = bash_array(dev, "BUILD_PACKAGES")
tests = bash_array(dev, "TEST_PACKAGES")
plain, nocheck = build_depends(control)
problems = []
for name in sorted(build - plain):
    problems.append("%s is in dev.sh's BUILD_PACKAGES but not in debian/control's Build-Depends" % name)
for name in sorted(plain - build):
    problems.append("%s is in debian/control's Build-Depends but not in dev.sh's BUILD_PACKAGES" % name)
for name in sorted(nocheck - tests):
    problems.append("%s <!nocheck> is in debian/control but not in dev.sh's TEST_PACKAGES" % name)
for name in sorted(build & tests):
    problems.append("%s is in both BUILD_PACKAGES and TEST_PACKAGES" % name)
for problem in problems:
    print("not ok -", problem)
if problems:
    sys.exit(1)
print("ok - %d build dependencies, %d more for the package's tests, the same in both lists"
      % (len(build), len(nocheck)))
