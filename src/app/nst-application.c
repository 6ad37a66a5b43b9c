/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-application"

#include "config.h"

#include <glib/gi18n.h>

#include "nst-application.h"
#include "nst-data-actions.h"
#include "nst-school-dialog.h"
#include "documents/nst-templates-dialog.h"
#include "nst-window.h"
#include "registry/nst-registry-page.h"

/* The database is opened, checked and backed up on a thread of its own
 * while GTK and libadwaita start on the main one. */
typedef struct
{
  char *path;
  NstStore *store;
  GError *error;
} Opening;

struct _NstApplication
{
  AdwApplication parent_instance;

  char *database_path;
  Opening *opening;           /* until the first activate takes its store */
  GThread *opening_thread;    /* fills opening; NULL when it failed at once */
};

G_DEFINE_FINAL_TYPE (NstApplication, nst_application, ADW_TYPE_APPLICATION)

static void
show_open_error (NstApplication *self,
                 const GError   *error)
{
  AdwMessageDialog *dialog;

  /* No window can work without its database: say why, then quit. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could not open the database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static NstStore *
open_store (const char  *path,
            GError     **error)
{
  g_autoptr(NstStore) store = nst_store_open (path, error);
  g_autoptr(GError) backup_error = NULL;

  if (store != NULL && !nst_store_backup_daily (store, &backup_error))
    g_message ("Daily backup failed: %s", backup_error->message);
  return g_steal_pointer (&store);
}

static gpointer
open_in_thread (gpointer data)
{
  Opening *opening = data;

  opening->store = open_store (opening->path, &opening->error);
  return opening;
}

/* Starts opening the database; the default one's folder is made first. */
static void
start_opening (NstApplication *self)
{
  g_autofree char *default_path = NULL;

  self->opening = g_new0 (Opening, 1);
  if (self->database_path == NULL)
    {
      default_path = nst_store_default_path ();
      if (!nst_store_prepare_default_directory (default_path, &self->opening->error))
        return;
      self->database_path = g_steal_pointer (&default_path);
    }
  self->opening->path = g_strdup (self->database_path);
  self->opening_thread = g_thread_new ("nst-open", open_in_thread, self->opening);
}

/* The store opened at start, once: later windows open the database anew. */
static NstStore *
finish_opening (NstApplication  *self,
                GError         **error)
{
  g_autofree Opening *opening = NULL;
  NstStore *store;

  if (self->opening == NULL)
    start_opening (self);
  opening = g_steal_pointer (&self->opening);
  if (self->opening_thread != NULL)
    g_thread_join (g_steal_pointer (&self->opening_thread));
  store = opening->store;
  if (opening->error != NULL)
    g_propagate_error (error, opening->error);
  g_free (opening->path);
  return store;
}

/* For the benchmarks: NST_BENCH_FIRST_FRAME=1 prints «first-frame T» once
 * the window has painted the registry's rows, then quits (bench-registry);
 * NST_BENCH_LIST_SHOWN=1 prints «list-shown T» then and goes on
 * (bench-startup). T is the monotonic clock in microseconds. */
static void
list_painted_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  g_signal_handlers_disconnect_by_func (clock, list_painted_cb, user_data);
  if (g_getenv ("NST_BENCH_FIRST_FRAME") != NULL)
    {
      g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
      g_application_quit (app);
      return;
    }
  g_print ("list-shown %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}

static void watch_list_painted (GtkWidget *window,
                                gpointer   app);

static void
loading_changed_cb (GtkWidget  *page,
                    GParamSpec *pspec,
                    gpointer    app)
{
  g_signal_handlers_disconnect_by_func (page, loading_changed_cb, app);
  watch_list_painted (GTK_WIDGET (gtk_widget_get_root (page)), app);
}

static void
watch_list_painted (GtkWidget *window,
                    gpointer   app)
{
  GtkWidget *page = GTK_WIDGET (nst_window_get_visible_page (NST_WINDOW (window)));

  if (NST_IS_REGISTRY_PAGE (page) && nst_registry_page_is_loading (NST_REGISTRY_PAGE (page)))
    {
      g_signal_connect (page, "notify::loading", G_CALLBACK (loading_changed_cb), app);
      return;
    }
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (list_painted_cb), app);
  gtk_widget_queue_draw (window);
}

static gboolean
watch_list_painted_idle (gpointer app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    watch_list_painted (GTK_WIDGET (window), app);
  return G_SOURCE_REMOVE;
}

/* After the window's own idle that builds its first tab. */
static void
watch_list_painted_later (GtkWidget *window,
                          gpointer   app)
{
  g_idle_add (watch_list_painted_idle, app);
}

static void
nst_application_activate (GApplication *app)
{
  NstApplication *self = NST_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autoptr(NstStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (window != NULL)
    {
      /* A second launch raises the window it already has. */
      gtk_window_present (window);
      return;
    }
  store = finish_opening (self, &error);
  if (store == NULL)
    {
      show_open_error (self, error);
      return;
    }
  window = GTK_WINDOW (nst_window_new (self, store));
  if (g_getenv ("NST_BENCH_FIRST_FRAME") != NULL || g_getenv ("NST_BENCH_LIST_SHOWN") != NULL)
    g_signal_connect (window, "map", G_CALLBACK (watch_list_painted_later), app);
  gtk_window_present (window);
}

static int
nst_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  NstApplication *self = NST_APPLICATION (app);
  const char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

      nst_application_set_database_path (self, g_file_peek_path (file));
    }
  return -1;
}

/* The data actions need the window whose database they work on. */
static NstWindow *
active_nst_window (gpointer app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* A dialog may be on top: its parent is the main window. */
  while (window != NULL && !NST_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window ? NST_WINDOW (window) : NULL;
}

static void
show_order_templates (NstWindow *window)
{
  gtk_window_present (GTK_WINDOW (nst_templates_dialog_new (GTK_WINDOW (window),
                                                            nst_window_get_store (window))));
}

/* The main menu's items that work on the main window and its database. */
static const struct
{
  const char *action;
  void (*run) (NstWindow *window);
} window_actions[] = {
  { "school", nst_window_show_school_dialog },
  { "order-templates", show_order_templates },
  { "import", nst_data_actions_import },
  { "export", nst_data_actions_export },
  { "export-calendar", nst_data_actions_export_calendar },
  { "backup", nst_data_actions_backup },
};

static void
window_action_cb (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  NstWindow *window = active_nst_window (user_data);
  const char *name = g_action_get_name (G_ACTION (action));

  for (guint i = 0; window != NULL && i < G_N_ELEMENTS (window_actions); i++)
    if (g_str_equal (name, window_actions[i].action))
      window_actions[i].run (window);
}

static void
about_action_cb (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Nastavnik developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Nastavnik"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The school's mentoring programme: the registry of mentors and "
                                       "mentees, pairs and groups, personalized programmes, the roadmap "
                                       "and the documents to sign. Data stays on this computer."),
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
quit_action_cb (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* Closing through the windows lets each ask about unsaved forms. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static const GActionEntry app_actions[] = {
  { "school", window_action_cb },
  { "order-templates", window_action_cb },
  { "import", window_action_cb },
  { "export", window_action_cb },
  { "export-calendar", window_action_cb },
  { "backup", window_action_cb },
  { "about", about_action_cb },
  { "quit", quit_action_cb },
};

static void
nst_application_startup (GApplication *app)
{
  const char *quit_accels[] = { "<Control>q", NULL };
  const char *add_accels[] = { "<Control>n", NULL };
  const char *search_accels[] = { "<Control>f", NULL };

  /* Before GTK starts (in the chain-up), so that both go at once. */
  start_opening (NST_APPLICATION (app));
  G_APPLICATION_CLASS (nst_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.add", add_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.search", search_accels);
}

/* Quitting before any window: the thread still has to end. */
static void
nst_application_shutdown (GApplication *app)
{
  NstApplication *self = NST_APPLICATION (app);
  g_autoptr(NstStore) unused = NULL;

  if (self->opening != NULL)
    unused = finish_opening (self, NULL);
  G_APPLICATION_CLASS (nst_application_parent_class)->shutdown (app);
}

static void
nst_application_finalize (GObject *object)
{
  NstApplication *self = NST_APPLICATION (object);

  g_free (self->database_path);
  G_OBJECT_CLASS (nst_application_parent_class)->finalize (object);
}

static void
nst_application_class_init (NstApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = nst_application_finalize;
  app_class->activate = nst_application_activate;
  app_class->startup = nst_application_startup;
  app_class->shutdown = nst_application_shutdown;
  app_class->handle_local_options = nst_application_handle_local_options;
}

static void
nst_application_init (NstApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "database", 'd',
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME,
                                 _("The database file to open"), _("FILE"));
}

NstApplication *
nst_application_new (void)
{
  return g_object_new (NST_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/nastavnik/Nastavnik",
                       NULL);
}

const char *
nst_application_get_database_path (NstApplication *self)
{
  return self->database_path;
}

void
nst_application_set_database_path (NstApplication *self,
                                   const char     *path)
{
  g_free (self->database_path);
  self->database_path = g_strdup (path);
}
