/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "nst-ui-test-util.h"
#include "registry/nst-registry-page.h"

typedef gboolean (*Match) (GtkWidget     *widget,
                           gconstpointer  data);

/* The first widget under @root, @root included, depth first. */
static GtkWidget *
find_first (GtkWidget     *root,
            Match          match,
            gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_first (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  type)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), GPOINTER_TO_SIZE (type));
}

static gboolean
shows_text (GtkWidget     *widget,
            gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

GtkWidget *
nst_test_find_named (GtkWidget  *root,
                     const char *name)
{
  return find_first (root, has_name, name);
}

GtkWidget *
nst_test_find_type (GtkWidget *root,
                    GType      type)
{
  return find_first (root, has_type, GSIZE_TO_POINTER (type));
}

/* A label showing @text, as the user reads it (no mnemonic, no markup). */
GtkWidget *
nst_test_find_label (GtkWidget  *root,
                     const char *text)
{
  return find_first (root, shows_text, text);
}

/* A button by its label as written, with its mnemonic underscore. */
GtkWidget *
nst_test_find_button (GtkWidget  *root,
                      const char *label)
{
  return find_first (root, has_label, label);
}

GtkWindow *
nst_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
activate_matching (GListModel         *shortcuts,
                   GtkShortcutTrigger *wanted,
                   GtkWidget          *widget)
{
  for (guint i = 0; i < g_list_model_get_n_items (shortcuts); i++)
    {
      g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (shortcuts, i);

      if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
        return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                             gtk_shortcut_get_arguments (shortcut));
    }
  return FALSE;
}

/* Does what the key does on @widget itself, through the widget's own
 * shortcuts (its class bindings): GTK 4 has no way to synthesise a key
 * press. Returns FALSE when the widget has no such shortcut. */
gboolean
nst_test_press_shortcut (GtkWidget       *widget,
                         guint            keyval,
                         GdkModifierType  modifiers)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_SHORTCUT_CONTROLLER (controller) &&
          activate_matching (G_LIST_MODEL (controller), wanted, widget))
        return TRUE;
    }
  return FALSE;
}

/* Runs the main loop until @condition holds, or fails the wait at the timeout. */
gboolean
nst_test_wait_for (gboolean (*condition) (gpointer data),
                   gpointer   data,
                   guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* A registry tab still reading its people on a thread, in any window. */
static gboolean
registry_loading (void)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();

  for (GList *l = windows; l != NULL; l = l->next)
    {
      GtkWidget *page = nst_test_find_type (l->data, NST_TYPE_REGISTRY_PAGE);

      if (page != NULL && nst_registry_page_is_loading (NST_REGISTRY_PAGE (page)))
        return TRUE;
    }
  return FALSE;
}

/* Runs what is pending, and waits for the registry read at start. */
void
nst_test_drain (void)
{
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
  while (registry_loading ())
    g_main_context_iteration (NULL, TRUE);
  for (int i = 0; i < 50; i++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

/* ---- the application and its folder ------------------------------------ */

/**
 * nst_test_start_app:
 * @db_path: the database, made when missing
 *
 * Starts the real application on @db_path and returns its window, shown
 * and drained. Each start gets a bus name of its own: GApplication may keep
 * the last one exported until the main loop is gone.
 */
NstWindow *
nst_test_start_app (NstApplication **app,
                    const char      *db_path)
{
  g_autoptr(GError) error = NULL;
  static guint starts;
  g_autofree char *app_id = g_strdup_printf ("org.nastavnik.Nastavnik.Test%u_%u", (guint) getpid (), ++starts);
  NstWindow *window;

  *app = nst_application_new ();
  g_application_set_application_id (G_APPLICATION (*app), app_id);
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  nst_application_set_database_path (*app, db_path);
  g_application_register (G_APPLICATION (*app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (*app));
  window = NST_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (*app)));
  g_assert_nonnull (window);
  nst_test_drain ();
  return window;
}

/* Closes the window as its user would, and lets the application go. */
void
nst_test_stop_app (NstApplication **app,
                   NstWindow       *window)
{
  gtk_window_close (GTK_WINDOW (window));
  nst_test_drain ();
  g_clear_object (app);
}

/* A test's own folder, removed with what it holds (no subfolders). */
void
nst_test_remove_dir (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (dir);
}
