/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Measures the pairs list with 2,000 pairs, each with a programme, as issue
 * «Pairs and groups» asks ("2,000 pairs open and filter without visible
 * lag"): loading all of them with their progress, and filtering them by a
 * folded search as each keystroke would. Prints figures; asserts nothing,
 * since shared machines are noisy.
 *
 *   bench-pairs [COUNT] */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "demo/nst-demo.h"
#include "text/nst-ru-text.h"
#include "store/nst-store-groups.h"

#define RUNS 7

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
  g_print ("%-40s median %8.2f ms  max %8.2f ms  (n=%u, target < %.0f ms)\n", what,
           g_array_index (ms, double, ms->len / 2), g_array_index (ms, double, ms->len - 1),
           ms->len, target);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
add_plan (NstProgramme *p)
{
  static const char *const rows[][2] = {
    { "Знакомство, определение целей", "до 30.09.2025" },
    { "Встреча наставника и наставляемого", "каждый первый четверг месяца" },
    { "Подведение итогов четверти", "в конце каждой четверти" },
    { "Открытый урок", "с 01.02.2026 по 31.03.2026" },
    { "Итоговая встреча", "до 25.05.2026" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(NstPlanItem) item = nst_plan_item_new ();

      nst_plan_item_set_activity (item, rows[i][0]);
      nst_plan_item_set_schedule (item, rows[i][1]);
      nst_programme_add_item (p, item);
    }
}

static void
add_pair (NstStore       *store,
          NstParticipant *mentor,
          NstParticipant *mentee,
          guint           i)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NstGroup) g = nst_group_new ();
  g_autoptr(NstProgramme) p = NULL;

  nst_group_set_form (g, NST_GROUP_FORM_STUDENT_STUDENT);
  nst_group_set_kind (g, i % 7 == 0 ? NST_GROUP_KIND_VIRTUAL : NST_GROUP_KIND_TRADITIONAL);
  nst_group_set_mentor (g, mentor);
  nst_group_add_mentee (g, mentee);
  nst_group_set_starts_on (g, "2025-09-15");
  nst_group_set_ends_on (g, "2026-05-29");
  nst_store_save_group (store, g, "2025-09-01", NULL, &error);
  g_assert_no_error (error);
  p = nst_store_prepare_programme (store, nst_group_get_id (g), 0, &error);
  g_assert_no_error (error);
  add_plan (p);
  nst_store_save_programme (store, p, NULL, &error);
  g_assert_no_error (error);
}

static NstStore *
make_store (const char *path,
            guint       count)
{
  g_autoptr(GError) error = NULL;
  NstStore *store = nst_store_open (path, &error);
  g_autoptr(GListStore) people = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_no_error (error);
  nst_demo_add_participants (store, count * 2 + 10, 0xB3A7, &error);
  g_assert_no_error (error);
  people = nst_store_list_participants (store, &error);
  g_assert_no_error (error);
  nst_store_begin (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < count; i++)
    {
      g_autoptr(NstParticipant) mentor = g_list_model_get_item (G_LIST_MODEL (people), 2 * i);
      g_autoptr(NstParticipant) mentee = g_list_model_get_item (G_LIST_MODEL (people), 2 * i + 1);

      add_pair (store, mentor, mentee, i);
    }
  nst_store_commit (store, &error);
  g_assert_no_error (error);
  g_print ("%u pairs, each with a programme of 5 activities, made in %.0f ms\n", count, ms_since (start));
  return store;
}

static guint
filter (GListModel *groups,
        const char *query)
{
  g_autofree char *folded = nst_ru_fold (query);
  guint n = g_list_model_get_n_items (groups), shown = 0;

  for (guint i = 0; i < n; i++)
    {
      NstGroup *g = g_list_model_get_item (groups, i);

      shown += nst_group_matches (g, folded);
      g_object_unref (g);
    }
  return shown;
}

int
main (int   argc,
      char *argv[])
{
  static const char *const typed[] = { "п", "пе", "пет", "петр", "петро", "петров", "петрова" };
  guint count = argc > 1 ? (guint) atoi (argv[1]) : 2000;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("nst-bench-pairs-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "nastavnik.db", NULL);
  g_autoptr(NstStore) store = NULL;
  g_autoptr(GArray) load = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) programmes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) first_filter = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) keystroke = g_array_new (FALSE, FALSE, sizeof (double));
  guint shown = 0;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  store = make_store (path, count);
  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(GListStore) groups = nst_store_list_groups (store, "2025-11-15", &error);
      g_autoptr(GListStore) list = NULL;
      double ms = ms_since (start);

      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), ==, count);
      g_array_append_val (load, ms);
      start = g_get_monotonic_time ();
      list = nst_store_list_programmes (store, "2025-11-15", &error);
      ms = ms_since (start);
      g_assert_no_error (error);
      g_array_append_val (programmes, ms);

      /* The first keystroke builds the folded search keys. */
      start = g_get_monotonic_time ();
      shown = filter (G_LIST_MODEL (groups), typed[0]);
      ms = ms_since (start);
      g_array_append_val (first_filter, ms);
      for (guint i = 1; i < G_N_ELEMENTS (typed); i++)
        {
          start = g_get_monotonic_time ();
          shown = filter (G_LIST_MODEL (groups), typed[i]);
          ms = ms_since (start);
          g_array_append_val (keystroke, ms);
        }
    }
  print_stats ("load all pairs with progress", load, 100);
  print_stats ("load all programmes with progress", programmes, 100);
  print_stats ("first keystroke (builds search keys)", first_filter, 16);
  print_stats ("each further keystroke", keystroke, 16);
  g_print ("«%s» shows %u of %u\n", typed[G_N_ELEMENTS (typed) - 1], shown, count);

  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (dir);
  }
  return 0;
}
