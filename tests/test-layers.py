#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The house keeps its shape: dependencies point one way.

Two checks, each failing with the lines to fix:

1. Includes. Every header is included by its folder ("store/nst-store.h"),
   so an include line names the layer it reaches into. Each folder may
   include only the folders below it (LAYERS); nothing in src/core or
   src/cli includes GTK.

2. Calls. From the object files of a build (nm), which .c calls which:
   no two files may call each other, directly or around a longer circle.

    test-layers.py SOURCE-ROOT BUILD-ROOT
"""
import collections
import glob
import os
import re
import subprocess
import sys

# folder -> the folders it may include besides itself. Read it bottom-up:
# core/text and core/schedule know nothing else, the model knows dates and
# text, the store fills models, the rest of the core works over the store;
# the example school is made last, as a school would: it issues its orders.
# In the app, widgets/ and documents/ serve the tabs; the window (".")
# holds them all.
CORE_BASE = {'core/text', 'core/schedule'}
CORE_ALL = CORE_BASE | {'core/model', 'core/store', 'core/gantt', 'core/io',
                        'core/docs', 'core/demo'}
LAYERS = {
    'core/text': set(),
    'core/schedule': {'core/text'},
    'core/model': CORE_BASE,
    'core/store': CORE_BASE | {'core/model'},
    'core/gantt': CORE_BASE | {'core/model', 'core/store'},
    'core/demo': CORE_BASE | {'core/model', 'core/store', 'core/gantt', 'core/docs'},
    'core/io': CORE_BASE | {'core/model', 'core/store'},
    'core/docs': CORE_BASE | {'core/model', 'core/store', 'core/gantt'},
    'cli': CORE_ALL,
    'app/widgets': CORE_ALL,
    'app/documents': CORE_ALL | {'app/widgets', 'app/page'},
    'app/registry': CORE_ALL | {'app/widgets', 'app/documents', 'app/page'},
    'app/pairs': CORE_ALL | {'app/widgets', 'app/documents', 'app/page',
                             'app/programmes'},
    'app/programmes': CORE_ALL | {'app/widgets', 'app/documents', 'app/page'},
    'app/roadmap': CORE_ALL | {'app/widgets', 'app/documents', 'app/page'},
}
# The interface every tab implements sits below the tabs; the rest of
# src/app's top level (window, application, actions) is above them all.
APP_PAGE_HEADERS = {'nst-page.h'}
GTK_INCLUDES = ('gtk/', 'adwaita.h', 'gdk/')


def folder_of(path, src):
    """'core/store' for src/core/store/x.c, 'app' for src/app/x.c."""
    parts = os.path.relpath(path, src).split(os.sep)
    return '/'.join(parts[:2]) if len(parts) > 2 else parts[0]


def target_of(include, here):
    """The folder an include line reaches into, or None for config.h,
    a header of the same folder or one outside the project."""
    if '/' not in include:
        if include in APP_PAGE_HEADERS:
            return 'app/page'
        if here.startswith('app') and include.startswith('nst-'):
            return 'app'
        return None
    first = include.split('/')[0]
    for side in ('core', 'app'):
        if os.path.isdir(os.path.join(SRC, side, first)):
            return side + '/' + first
    return None


def check_includes():
    problems = []
    for path in sorted(glob.glob(os.path.join(SRC, '**', '*.[ch]'), recursive=True)):
        here = folder_of(path, SRC)
        allowed = LAYERS.get(here)
        with open(path, encoding='utf-8') as f:
            for number, line in enumerate(f, 1):
                m = re.match(r'\s*#\s*include\s+([<"])([^>"]+)[>"]', line)
                if not m:
                    continue
                rel = os.path.relpath(path, ROOT)
                if m.group(1) == '<':
                    if (here.startswith('core') or here == 'cli') and m.group(2).startswith(GTK_INCLUDES):
                        problems.append(f'{rel}:{number}: {here} must not include GTK ({m.group(2)})')
                    continue
                target = target_of(m.group(2), here)
                if target is None or target == here or allowed is None:
                    continue
                if target not in allowed:
                    problems.append(f'{rel}:{number}: {here} may not include {target} ({m.group(2)})')
    return problems


def object_graph(build):
    defined, used = {}, collections.defaultdict(set)
    objects = [o for lib in ('src/core', 'src/app')
               for o in glob.glob(os.path.join(build, lib, '**', '*.o'), recursive=True)]
    for obj in objects:
        name = os.path.basename(obj)[:-2].replace('_', '/')
        out = subprocess.run(['nm', obj], capture_output=True, text=True, check=True).stdout
        for line in out.splitlines():
            fields = line.split()
            if len(fields) == 3 and fields[1] in 'TDBR':
                defined[fields[2]] = name
            elif len(fields) == 2 and fields[0] == 'U':
                used[name].add(fields[1])
    calls = collections.defaultdict(set)
    for name, symbols in used.items():
        for symbol in symbols:
            callee = defined.get(symbol)
            if callee is not None and callee != name:
                calls[name].add(callee)
    return objects, calls


def circles(calls):
    """Strongly connected components of more than one file (Tarjan)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(calls.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(calls):
        if v not in index:
            visit(v)
    return found


def check_calls(build):
    objects, calls = object_graph(build)
    if not objects:
        return [f'no object files under {build}: build first']
    problems = []
    for component in circles(calls):
        detail = '; '.join(f'{a} → {", ".join(sorted(b for b in calls[a] if b in component))}'
                           for a in component)
        problems.append('call circle: ' + detail)
    return problems


if __name__ == '__main__':
    ROOT = os.path.abspath(sys.argv[1])
    SRC = os.path.join(ROOT, 'src')
    problems = check_includes() + check_calls(os.path.abspath(sys.argv[2]))
    for p in problems:
        print(p)
    print(f'{len(problems)} problem(s)' if problems else 'layers: all dependencies point one way')
    sys.exit(1 if problems else 0)
