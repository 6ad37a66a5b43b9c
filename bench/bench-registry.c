/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the registry with 10,000 participants, as issue «Foundation» asks:
 * keystroke to filtered list on screen, and process start to first frame.
 * Prints figures; asserts nothing, since shared machines are noisy.
 *
 *   bench-registry PATH-TO-nastavnik [COUNT] */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "nst-application.h"
#include "nst-demo.h"
#include "nst-registry-page.h"
#include "nst-window.h"

#define FIRST_FRAME_RUNS 5

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
print_stats (const char *what,
             GArray     *ms,
             double      target)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%-34s median %7.2f ms  max %7.2f ms  (n=%u, target < %.0f ms)\n", what,
           g_array_index (ms, double, ms->len / 2),
           g_array_index (ms, double, ms->len - 1), ms->len, target);
}

static char *
make_database (guint count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-bench-XXXXXX", &error);
  char *path;
  g_autoptr(NstStore) store = NULL;
  gint64 start;

  g_assert_no_error (error);
  path = g_build_filename (dir, "bench.db", NULL);
  store = nst_store_open (path, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  nst_demo_add_participants (store, count, 42, &error);
  g_assert_no_error (error);
  g_print ("%-34s %7.1f ms for %u participants\n", "insert (one transaction)",
           (g_get_monotonic_time () - start) / 1000.0, count);
  return path;
}

/* Each keystroke: set the text, then wait until the window has painted. */
static void
bench_keystrokes (const char *db_path)
{
  const char *typed[] = { "и", "ив", "ива", "иван", "ивано", "иванов", "иванова", "",
                          "у", "уч", "учи", "учитель", "учитель м", "учитель мат", "",
                          "7", "7б", "", "ё", "ёл", "ёлк", "" };
  g_autoptr(NstApplication) app = nst_application_new ();
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  GtkWidget *window, *entry;
  GdkFrameClock *clock;
  gint64 start;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  nst_application_set_database_path (app, db_path);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_application_activate (G_APPLICATION (app));
  window = GTK_WIDGET (gtk_application_get_active_window (GTK_APPLICATION (app)));
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  for (painted = FALSE; !painted;)
    g_main_context_iteration (NULL, TRUE);
  g_print ("%-34s %7.1f ms\n", "window with the list, in process", (g_get_monotonic_time () - start) / 1000.0);

  gtk_widget_activate_action (window, "win.search", NULL);
  entry = gtk_root_get_focus (GTK_ROOT (window));
  entry = gtk_widget_get_ancestor (entry, GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
      {
        while (g_main_context_iteration (NULL, FALSE))
          ;
        painted = FALSE;
        start = g_get_monotonic_time ();
        gtk_editable_set_text (GTK_EDITABLE (entry), typed[i]);
        while (!painted)
          g_main_context_iteration (NULL, TRUE);
        {
          double elapsed = (g_get_monotonic_time () - start) / 1000.0;
          g_array_append_val (ms, elapsed);
        }
      }
  print_stats ("keystroke to filtered list drawn", ms, 16);
  gtk_window_destroy (GTK_WINDOW (window));
}

static double
one_first_frame (const char *program,
                 const char *db_path)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  const char *argv[] = { program, "--database", db_path, NULL };
  g_autofree char *out = NULL;
  gint64 start;
  int status;

  env = g_environ_setenv (env, "GSK_RENDERER", "cairo", TRUE);
  env = g_environ_setenv (env, "NST_BENCH_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, NULL, &status, &error) || out == NULL ||
      !g_str_has_prefix (out, "first-frame "))
    {
      g_printerr ("first frame run failed: %s\n", error ? error->message : "no first-frame line");
      return -1;
    }
  /* The child prints its monotonic clock at the first frame; same clock here. */
  return (g_ascii_strtoll (out + strlen ("first-frame "), NULL, 10) - start) / 1000.0;
}

static void
bench_first_frame (const char *program,
                   const char *db_path)
{
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < FIRST_FRAME_RUNS; i++)
    {
      double t = one_first_frame (program, db_path);

      if (t >= 0)
        g_array_append_val (ms, t);
    }
  if (ms->len > 0)
    print_stats ("process start to first frame", ms, 500);
}

int
main (int   argc,
      char *argv[])
{
  guint count = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 10000;
  g_autofree char *db_path = NULL;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("usage: %s PATH-TO-nastavnik [COUNT]\n", argv[0]);
      return 2;
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  db_path = make_database (count);
  bench_first_frame (argv[1], db_path);
  bench_keystrokes (db_path);
  return 0;
}
