/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Process start to window shown, measured from outside as a user sees it:
 * the clock starts before exec and stops when the X server maps a top-level
 * window whose _NET_WM_PID is the child's. Alternates, run by run, Nastavnik
 * with 10,000 participants, Nastavnik on an empty database, the same with
 * GTK_A11Y=none (to see the accessibility bus's share), and GNOME Planner
 * when it is installed, so that a noisy machine slows all alike.
 *
 *   bench-startup PATH-TO-nastavnik [RUNS [PATH-TO-bench-bare-window]]
 *
 * bench-bare-window, an empty libadwaita window, is the floor: what any
 * GTK 4 application pays before its first frame.
 *
 * Run it under a session like a user's: an X server and a session bus,
 *   xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- bench-startup …
 *
 * The X events are read here rather than polled with `xdotool search
 * --sync`, which sleeps half a second between its tries. */
#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <string.h>

#include "demo/nst-demo.h"

#define DEFAULT_RUNS 15
#define TIMEOUT_MS 30000
#define COUNT 10000

typedef struct
{
  const char *label;
  char **argv;
  const char *extra_env;   /* NAME=VALUE, or NULL */
  GArray *ms;              /* to the window mapped */
  GArray *list_ms;         /* to the registry's rows painted (Nastavnik only) */
} Contender;

static Display *display;
static Atom net_wm_pid;

static char *
make_database (const char *dir,
               const char *name,
               guint       count)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(NstStore) store = nst_store_open (path, &error);

  g_assert_no_error (error);
  if (count > 0)
    nst_demo_add_participants (store, count, 42, &error);
  g_assert_no_error (error);
  return path;
}

/* The environment of one run: a home of its own, so that no run finds the
 * caches or settings another left, and the Russian interface. */
static char **
run_environment (const char *home,
                 const char *extra)
{
  static const char *const dirs[][2] = {
    { "XDG_CONFIG_HOME", ".config" }, { "XDG_DATA_HOME", ".local/share" },
    { "XDG_CACHE_HOME", ".cache" }, { "XDG_STATE_HOME", ".local/state" },
  };
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "HOME", home, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *path = g_build_filename (home, dirs[i][1], NULL);

      g_mkdir_with_parents (path, 0700);
      env = g_environ_setenv (env, dirs[i][0], path, TRUE);
    }
  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "LANG", "C.UTF-8", TRUE);
  env = g_environ_setenv (env, "LANGUAGE", "ru", TRUE);
  /* Nastavnik prints «list-shown T» when the rows are painted. */
  env = g_environ_setenv (env, "NST_BENCH_LIST_SHOWN", "1", TRUE);
  env = g_environ_unsetenv (env, "GTK_A11Y");
  if (extra != NULL)
    {
      g_auto(GStrv) pair = g_strsplit (extra, "=", 2);

      env = g_environ_setenv (env, pair[0], pair[1], TRUE);
    }
  return env;
}

static gboolean
window_has_pid (Window window,
                GPid   pid)
{
  Atom type;
  int format;
  unsigned long n, after;
  unsigned char *data = NULL;
  gboolean match = FALSE;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL,
                          &type, &format, &n, &after, &data) == Success &&
      data != NULL && n == 1 && format == 32)
    match = (GPid) *(unsigned long *) data == pid;
  if (data != NULL)
    XFree (data);
  return match;
}

/* Waits for a MapNotify of a top-level window of @pid; FALSE on timeout. */
static gboolean
wait_for_map (GPid   pid,
              gint64 deadline)
{
  struct pollfd fd = { ConnectionNumber (display), POLLIN, 0 };

  for (;;)
    {
      while (XPending (display))
        {
          XEvent event;

          XNextEvent (display, &event);
          if (event.type == MapNotify && window_has_pid (event.xmap.window, pid))
            return TRUE;
        }
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      poll (&fd, 1, 50);
    }
}

static void
remove_tree (const char *dir)
{
  const char *argv[] = { "rm", "-rf", dir, NULL };

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}

/* The child's «list-shown T» line, T on our monotonic clock; 0 if none
 * came by @deadline (Planner has no such line). */
static gint64
read_list_shown (int    fd,
                 gint64 deadline)
{
  char buffer[128];
  gsize used = 0;

  while (used < sizeof buffer - 1)
    {
      struct pollfd pfd = { fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      gssize got;

      if (left <= 0 || poll (&pfd, 1, (int) left) <= 0)
        return 0;
      got = read (fd, buffer + used, sizeof buffer - 1 - used);
      if (got <= 0)
        return 0;
      used += got;
      buffer[used] = '\0';
      if (strchr (buffer, '\n') != NULL)
        return g_str_has_prefix (buffer, "list-shown ")
               ? g_ascii_strtoll (buffer + strlen ("list-shown "), NULL, 10) : 0;
    }
  return 0;
}

/* One start: exec, wait for the window (and the rows), stop the program.
 * Returns ms to the window, or -1; *list_ms gets ms to the rows, or -1. */
static double
run_once (Contender *c,
          double    *list_ms)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = g_dir_make_tmp ("nst-bench-home-XXXXXX", &error);
  g_auto(GStrv) env = NULL;
  gint64 start, mapped_at, shown = 0;
  gboolean mapped;
  int out_fd = -1;
  GPid pid;

  g_assert_no_error (error);
  *list_ms = -1;
  env = run_environment (home, c->extra_env);
  XSync (display, True);  /* forget the maps of earlier runs */
  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes (home, c->argv, env,
                                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &pid, NULL, &out_fd, NULL, &error))
    {
      g_printerr ("%s: %s\n", c->label, error->message);
      return -1;
    }
  mapped = wait_for_map (pid, start + TIMEOUT_MS * 1000);
  mapped_at = g_get_monotonic_time ();
  if (mapped && c->list_ms != NULL)
    shown = read_list_shown (out_fd, start + TIMEOUT_MS * 1000);
  if (shown > 0)
    *list_ms = (shown - start) / 1000.0;
  close (out_fd);
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  g_spawn_close_pid (pid);
  remove_tree (home);
  if (!mapped)
    g_printerr ("%s: no window within %d ms\n", c->label, TIMEOUT_MS);
  return mapped ? (mapped_at - start) / 1000.0 : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (GArray *ms)
{
  guint n = ms->len;

  g_array_sort (ms, compare_doubles);
  if (n == 0)
    return -1;
  return n % 2 ? g_array_index (ms, double, n / 2)
               : (g_array_index (ms, double, n / 2 - 1) + g_array_index (ms, double, n / 2)) / 2;
}

static void
print_figures (const char *label,
               GArray     *ms)
{
  double mid = median (ms);  /* sorts, for min and max below */

  if (ms->len == 0)
    {
      g_print ("%-36s no successful run\n", label);
      return;
    }
  g_print ("%-36s median %6.0f ms  min %6.0f  max %6.0f  (n=%u)\n", label, mid,
           g_array_index (ms, double, 0), g_array_index (ms, double, ms->len - 1), ms->len);
}

static void
run_rounds (Contender *contenders,
            guint      n_contenders,
            guint      runs)
{
  /* A first start of each, not counted: a user's session has its
   * accessibility bus up and the files in the page cache. */
  double list_ms;

  for (guint i = 0; i < n_contenders; i++)
    run_once (&contenders[i], &list_ms);
  for (guint round = 0; round < runs; round++)
    for (guint i = 0; i < n_contenders; i++)
      {
        double ms = run_once (&contenders[i], &list_ms);

        if (ms >= 0)
          g_array_append_val (contenders[i].ms, ms);
        if (list_ms >= 0)
          g_array_append_val (contenders[i].list_ms, list_ms);
      }
}

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : DEFAULT_RUNS;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *full = NULL;
  g_autofree char *empty = NULL;
  g_autofree char *planner = g_find_program_in_path ("planner");
  g_autofree char *program = argc > 1 ? g_canonicalize_filename (argv[1], NULL) : NULL;
  char *full_argv[] = { program, "--database", NULL, NULL };
  char *empty_argv[] = { program, "--database", NULL, NULL };
  g_autofree char *bare = argc > 3 ? g_canonicalize_filename (argv[3], NULL) : NULL;
  char *bare_argv[] = { bare, NULL };
  char *planner_argv[] = { planner, NULL };
  Contender contenders[] = {
    { "nastavnik, 10,000 participants", full_argv, NULL, NULL, NULL },
    { "nastavnik, empty database", empty_argv, NULL, NULL, NULL },
    { "nastavnik, 10,000, GTK_A11Y=none", full_argv, "GTK_A11Y=none", NULL, NULL },
    /* With the GL driver left unloaded under cairo, as Nastavnik does. */
    { "bare libadwaita window (the floor)", bare_argv, "GDK_DEBUG=gl-disable", NULL, NULL },
    { "planner 0.14 (GTK 2), no project", planner_argv, NULL, NULL, NULL },
  };
  guint n = G_N_ELEMENTS (contenders);
  Contender *planner_contender = &contenders[4];

  /* Those not here are left out of the race. */
  if (planner == NULL)
    n--;
  if (bare == NULL)
    {
      contenders[3] = contenders[4];
      planner_contender = &contenders[3];
      n--;
    }

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-nastavnik [RUNS]\n", argv[0]);
      return 2;
    }
  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      g_printerr ("bench-startup needs an X server: run it under xvfb-run\n");
      return 77;
    }
  net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  XSelectInput (display, DefaultRootWindow (display), SubstructureNotifyMask);

  dir = g_dir_make_tmp ("nst-bench-startup-XXXXXX", &error);
  g_assert_no_error (error);
  full = make_database (dir, "full.db", COUNT);
  empty = make_database (dir, "empty.db", 0);
  full_argv[2] = full;
  empty_argv[2] = empty;
  for (guint i = 0; i < n; i++)
    {
      contenders[i].ms = g_array_new (FALSE, FALSE, sizeof (double));
      if (contenders[i].argv == full_argv || contenders[i].argv == empty_argv)
        contenders[i].list_ms = g_array_new (FALSE, FALSE, sizeof (double));
    }

  g_print ("\nprocess start to window mapped, %u alternating runs each, GSK_RENDERER=cairo\n", runs);
  run_rounds (contenders, n, runs);
  for (guint i = 0; i < n; i++)
    print_figures (contenders[i].label, contenders[i].ms);
  /* The registry is read on a thread while the window shows «Загрузка…»:
   * when its rows are on screen, too. */
  g_print ("\nprocess start to the registry's rows painted\n");
  for (guint i = 0; i < n; i++)
    if (contenders[i].list_ms != NULL)
      print_figures (contenders[i].label, contenders[i].list_ms);
  if (planner == NULL)
    g_print ("planner is not installed: no comparison (apt-get install planner)\n");
  else if (contenders[0].ms->len > 0 && planner_contender->ms->len > 0)
    g_print ("ratio nastavnik 10,000 / planner: %.2f (target <= 1.20)\n",
             median (contenders[0].ms) / median (planner_contender->ms));
  if (bare != NULL && contenders[0].ms->len > 0 && contenders[3].ms->len > 0)
    g_print ("ratio bare libadwaita window / planner: %.2f; nastavnik 10,000 over the bare window: %+.0f ms\n",
             planner != NULL ? median (contenders[3].ms) / median (planner_contender->ms) : 0.0,
             median (contenders[0].ms) - median (contenders[3].ms));

  for (guint i = 0; i < n; i++)
    {
      g_array_unref (contenders[i].ms);
      g_clear_pointer (&contenders[i].list_ms, g_array_unref);
    }
  remove_tree (dir);
  XCloseDisplay (display);
  return 0;
}
