/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-data-actions"

#include "config.h"

#include <glib/gi18n.h>

#include "io/nst-export-calendar.h"
#include "nst-data-actions.h"
#include "widgets/nst-error-toast.h"
#include "registry/nst-import-dialog.h"

/* ---- import -------------------------------------------------------------- */

static void
imported_cb (NstImportDialog *dialog,
             guint            added,
             guint            updated,
             guint            skipped,
             NstWindow       *window)
{
  g_autofree char *summary = nst_import_dialog_dup_summary (added, updated, skipped);
  g_autofree char *escaped = g_markup_escape_text (summary, -1);

  nst_window_reload_registry (window);
  nst_window_add_toast (window, adw_toast_new (escaped));
}

void
nst_data_actions_import (NstWindow *window)
{
  NstImportDialog *dialog = nst_import_dialog_new (GTK_WINDOW (window), nst_window_get_store (window));

  g_signal_connect_object (dialog, "imported", G_CALLBACK (imported_cb), window, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- files chosen to save ------------------------------------------------ */

typedef gboolean (*SaveFunc) (NstWindow   *window,
                              const char  *path,
                              char       **done_message,
                              GError     **error);

static void
add_filter (GtkFileChooser *chooser,
            const char     *name,
            const char     *pattern)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

static void
save_response_cb (GtkNativeDialog *native,
                  int              response,
                  gpointer         user_data)
{
  NstWindow *window = NST_WINDOW (gtk_native_dialog_get_transient_for (native));
  SaveFunc save = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (file != NULL && g_file_peek_path (file) != NULL)
    {
      if (save (window, g_file_peek_path (file), &message, &error))
        {
          g_autofree char *escaped = g_markup_escape_text (message, -1);
          nst_window_add_toast (window, adw_toast_new (escaped));
        }
      else
        nst_window_add_toast (window, nst_error_toast_new (GTK_WINDOW (window), _("Could not save the file"), error));
    }
  g_object_unref (native);
}

static void
choose_file_to_save (NstWindow  *window,
                     const char *title,
                     const char *suggested_name,
                     SaveFunc    save,
                     gboolean    spreadsheet)
{
  GtkFileChooserNative *native =
    gtk_file_chooser_native_new (title, GTK_WINDOW (window), GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Save"), _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), suggested_name);
  if (spreadsheet)
    {
      add_filter (GTK_FILE_CHOOSER (native), _("Excel workbook (*.xlsx)"), "*.xlsx");
      add_filter (GTK_FILE_CHOOSER (native), _("CSV for Excel (*.csv)"), "*.csv");
    }
  g_signal_connect (native, "response", G_CALLBACK (save_response_cb), save);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* ---- export -------------------------------------------------------------- */

/* A name the user typed without an extension gets the filter's. */
static char *
path_with_extension (const char *path)
{
  if (g_str_has_suffix (path, ".csv") || g_str_has_suffix (path, ".xlsx"))
    return g_strdup (path);
  return g_strconcat (path, ".xlsx", NULL);
}

static gboolean
export_current (NstWindow   *window,
                const char  *chosen,
                char       **done_message,
                GError     **error)
{
  g_autofree char *path = path_with_extension (chosen);
  /* The chooser is modal: the tab shown is still the one that named the
   * file. */
  NstPage *page = nst_window_get_visible_page (window);
  NstExportFormat format;
  guint n = 0;

  if (!nst_export_format_for_path (path, &format, error) || !nst_page_export (page, path, format, &n, error))
    return FALSE;
  *done_message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u row exported", "%u rows exported", n), n);
  return TRUE;
}

/* Exports what the current tab lists, as the tab says. */
void
nst_data_actions_export (NstWindow *window)
{
  NstPage *page = nst_window_get_visible_page (window);
  const char *name = page ? nst_page_get_export_name (page) : NULL;

  if (name != NULL)
    choose_file_to_save (window, _("Export"), name, export_current, TRUE);
}

/* ---- calendar ------------------------------------------------------------ */

static gboolean
export_calendar (NstWindow   *window,
                 const char  *chosen,
                 char       **done_message,
                 GError     **error)
{
  g_autofree char *path = g_str_has_suffix (chosen, ".ics") ? g_strdup (chosen)
                                                             : g_strconcat (chosen, ".ics", NULL);
  guint n = 0;

  if (!nst_export_calendar (nst_window_get_store (window), path, &n, error))
    return FALSE;
  *done_message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event exported to the calendar",
                                                "%u events exported to the calendar", n), n);
  return TRUE;
}

/* The roadmap's and the programmes' dates for GNOME Calendar or Thunderbird. */
void
nst_data_actions_export_calendar (NstWindow *window)
{
  choose_file_to_save (window, _("Export to a Calendar"), _("Mentoring.ics"), export_calendar, FALSE);
}

/* ---- backup -------------------------------------------------------------- */

static gboolean
backup_to (NstWindow   *window,
           const char  *path,
           char       **done_message,
           GError     **error)
{
  if (!nst_store_backup_to (nst_window_get_store (window), path, error))
    return FALSE;
  *done_message = g_strdup (_("Backup copy saved"));
  return TRUE;
}

void
nst_data_actions_backup (NstWindow *window)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = g_strdup_printf (_("Nastavnik %s.db"), stamp);

  choose_file_to_save (window, _("Backup Copy"), name, backup_to, FALSE);
}
