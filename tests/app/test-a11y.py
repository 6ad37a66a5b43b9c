#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the main window has a name a screen reader can read,
and the search field's name says «Поиск». Drives the real program over
AT-SPI: run under xvfb-run and dbus-run-session.

    test-a11y.py PATH-TO-nastavnik PATH-TO-nastavnik-cli
"""
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

CONTROL_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_SLIDER, pyatspi.ROLE_SWITCH if hasattr(pyatspi, "ROLE_SWITCH") else -1,
}


def find_app(name, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            if app is not None and app.name == name:
                return app
        time.sleep(0.2)
    return None


def walk(node, depth=0):
    yield node
    if depth > 60:
        return
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, depth + 1)


def visible(node):
    # GTK 4.8 never sets SHOWING; VISIBLE is gtk_widget_get_visible().
    try:
        return node.getState().contains(pyatspi.STATE_VISIBLE)
    except Exception:
        return False


def main():
    program, cli = sys.argv[1], sys.argv[2]
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "a11y.db")
        subprocess.run([cli, "--database", db, "demo"], check=True, stdout=subprocess.DEVNULL)
        env = dict(os.environ, GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory")
        proc = subprocess.Popen([program, "--database", db], env=env)
        try:
            app = find_app("nastavnik")
            if app is None:
                print("the program did not appear on the accessibility bus")
                return 1
            # The window and its list come up a moment after the process.
            end = time.time() + 20
            while True:
                shown = [n for n in walk(app) if n.getRole() in CONTROL_ROLES and visible(n)]
                if len(shown) >= 8 or time.time() > end:
                    break
                time.sleep(0.5)
            unnamed, search_names, controls = [], [], len(shown)
            for node in shown:
                name = (node.name or "").strip()
                # GTK falls back to a widget's type name, which says nothing.
                if not name or name.startswith(("Gtk", "Adw")):
                    parent = node.parent.getRoleName() if node.parent else "?"
                    unnamed.append(f"{node.getRoleName()} «{name}» in {parent}")
                if "Поиск" in name:
                    search_names.append(name)
            print(f"controls checked: {controls}")
            for u in unnamed:
                print(f"no accessible name: {u}")
            if not search_names:
                print("no control whose name contains «Поиск»")
            if controls < 8:
                print("too few controls found: the window did not come up as expected")
                return 1
            return 1 if unnamed or not search_names else 0
        finally:
            proc.terminate()
            proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
