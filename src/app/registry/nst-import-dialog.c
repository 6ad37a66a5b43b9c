/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-error-toast.h"
#include "registry/nst-import-dialog.h"

#define PROGRESS_INTERVAL_MS 100
#define PROGRESS_SCALE 1000

struct _NstImportDialog
{
  AdwWindow parent_instance;

  NstStore *store;
  NstImportPlan *plan;
  GFile *file;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  GtkCustomFilter *errors_filter;
  GPtrArray *column_rows;    /* AdwComboRow, with "nst-column" data */
  gboolean busy;
  gboolean close_when_done;
  gint progress;             /* 0..PROGRESS_SCALE, written by the worker */
  guint progress_source;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *import_button;
  GtkWidget *other_file_button;
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkSpinner *spinner;
  GtkLabel *busy_label;
  GtkProgressBar *progress_bar;
  GtkLabel *summary_label;
  GtkLabel *problem_label;
  AdwComboRow *duplicates_row;
  AdwPreferencesGroup *columns_group;
  GtkCheckButton *errors_only_check;
  GtkColumnView *rows_view;
};

G_DEFINE_FINAL_TYPE (NstImportDialog, nst_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- the rows' columns --------------------------------------------------- */

typedef enum
{
  COLUMN_LINE,
  COLUMN_NAME,
  COLUMN_CATEGORY,
  COLUMN_POST_OR_CLASS,
  COLUMN_BIRTH_DATE,
  COLUMN_OUTCOME,
  N_COLUMNS
} RowColumn;

static char *
row_outcome (NstImportRow *row)
{
  guint line = nst_import_row_get_duplicate_line (row);

  switch (nst_import_row_get_status (row))
    {
    case NST_IMPORT_ROW_NEW:
      return g_strdup (_("New"));
    case NST_IMPORT_ROW_UPDATE:
      return line ? g_strdup_printf (_("Updates line %u"), line)
                  : g_strdup (_("Updates the participant in the registry"));
    case NST_IMPORT_ROW_SKIP:
      return line ? g_strdup_printf (_("Skipped: repeats line %u"), line)
                  : g_strdup (_("Skipped: already in the registry"));
    case NST_IMPORT_ROW_INVALID:
    default:
      return nst_import_row_dup_problems_text (row);
    }
}

static char *
row_text (NstImportRow *row,
          RowColumn     column)
{
  NstParticipant *p = nst_import_row_get_participant (row);

  switch (column)
    {
    case COLUMN_LINE: return g_strdup_printf ("%u", nst_import_row_get_line (row));
    case COLUMN_NAME: return nst_participant_dup_full_name (p);
    case COLUMN_CATEGORY: return g_strdup (nst_category_label (nst_participant_get_category (p)));
    case COLUMN_POST_OR_CLASS: return g_strdup (nst_participant_get_post_or_class (p));
    case COLUMN_BIRTH_DATE: return nst_date_iso_to_ru (nst_participant_get_birth_date (p));
    case COLUMN_OUTCOME: return row_outcome (row);
    case N_COLUMNS:
    default: break;
    }
  return g_strdup ("");
}

static void
update_cell (GtkLabel     *label,
             NstImportRow *row,
             RowColumn     column)
{
  g_autofree char *text = row_text (row, column);

  gtk_label_set_text (label, text);
  if (column == COLUMN_OUTCOME && nst_import_row_get_status (row) == NST_IMPORT_ROW_INVALID)
    gtk_widget_add_css_class (GTK_WIDGET (label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
}

static void
row_status_notify_cb (NstImportRow *row,
                      GParamSpec   *pspec,
                      GtkLabel     *label)
{
  update_cell (label, row, COLUMN_OUTCOME);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  column)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_UINT (column) == COLUMN_OUTCOME)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (label), GTK_NATURAL_WRAP_WORD);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  column)
{
  NstImportRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  update_cell (GTK_LABEL (label), row, GPOINTER_TO_UINT (column));
  /* Choosing «update» or «skip» changes the outcome of the same rows. */
  if (GPOINTER_TO_UINT (column) == COLUMN_OUTCOME)
    g_signal_connect_object (row, "notify::status", G_CALLBACK (row_status_notify_cb), label, 0);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  column)
{
  NstImportRow *row = gtk_list_item_get_item (item);

  if (row != NULL && GPOINTER_TO_UINT (column) == COLUMN_OUTCOME)
    g_signal_handlers_disconnect_by_func (row, row_status_notify_cb,
                                          gtk_list_item_get_child (item));
}

/* @width in pixels, or -1 for the column that takes the rest. */
static void
add_view_column (NstImportDialog *self,
                 RowColumn        column,
                 const char      *title,
                 int              width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (view_column, width < 0);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->rows_view, view_column);
  g_object_unref (view_column);
}

static void
setup_view_columns (NstImportDialog *self)
{
  add_view_column (self, COLUMN_LINE, _("Line"), 56);
  add_view_column (self, COLUMN_NAME, _("Full name"), 200);
  add_view_column (self, COLUMN_CATEGORY, _("Category"), 110);
  add_view_column (self, COLUMN_POST_OR_CLASS, _("Post or class"), 140);
  add_view_column (self, COLUMN_BIRTH_DATE, _("Date of birth"), 125);
  add_view_column (self, COLUMN_OUTCOME, _("Outcome"), -1);
}

static gboolean
errors_filter_func (gpointer item,
                    gpointer user_data)
{
  NstImportDialog *self = user_data;

  return !gtk_check_button_get_active (self->errors_only_check) ||
         nst_import_row_get_status (item) == NST_IMPORT_ROW_INVALID;
}

/* ---- the summary --------------------------------------------------------- */

static void
update_summary (NstImportDialog *self)
{
  NstImportPlan *plan = self->plan;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *problem = NULL;
  guint invalid = nst_import_plan_count (plan, NST_IMPORT_ROW_INVALID);
  guint unknown = nst_import_plan_get_n_unknown_columns (plan);

  summary = g_strdup_printf (_("Rows: %u. New: %u, to update: %u, to skip: %u, with errors: %u."),
                             g_list_model_get_n_items (nst_import_plan_get_rows (plan)),
                             nst_import_plan_count (plan, NST_IMPORT_ROW_NEW),
                             nst_import_plan_count (plan, NST_IMPORT_ROW_UPDATE),
                             nst_import_plan_count (plan, NST_IMPORT_ROW_SKIP), invalid);
  gtk_label_set_text (self->summary_label, summary);
  if (!nst_import_plan_check_columns (plan, &error))
    problem = g_strdup (error->message);
  else if (invalid > 0)
    problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u row has errors. Correct the file and choose it "
                                            "again: nothing is imported while any row has errors.",
                                            "%u rows have errors. Correct the file and choose it "
                                            "again: nothing is imported while any row has errors.",
                                            invalid), invalid);
  else if (unknown > 0)
    problem = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u column is not recognised and will be left out "
                                            "unless you choose what it holds.",
                                            "%u columns are not recognised and will be left out "
                                            "unless you choose what they hold.", unknown), unknown);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  gtk_widget_set_sensitive (self->import_button, !self->busy && nst_import_plan_can_commit (plan));
}

static void
plan_counts_notify_cb (NstImportDialog *self)
{
  update_summary (self);
  gtk_filter_changed (GTK_FILTER (self->errors_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* ---- columns to map ------------------------------------------------------ */

static void
column_selected_cb (AdwComboRow     *row,
                    GParamSpec      *pspec,
                    NstImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "nst-column"));

  /* Item 0 is «leave out»; the others follow NstImportField. */
  nst_import_plan_map_column (self->plan, column, adw_combo_row_get_selected (row));
  update_summary (self);
}

static GListModel *
field_choices (void)
{
  GtkStringList *choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("Leave out"));
  for (NstImportField f = NST_IMPORT_FIELD_NONE + 1; f < NST_IMPORT_N_FIELDS; f++)
    gtk_string_list_append (choices, nst_import_field_header (f));
  return G_LIST_MODEL (choices);
}

static void
clear_column_rows (NstImportDialog *self)
{
  for (guint i = 0; i < self->column_rows->len; i++)
    adw_preferences_group_remove (self->columns_group, g_ptr_array_index (self->column_rows, i));
  g_ptr_array_set_size (self->column_rows, 0);
}

/* A row for each column whose header was not recognised. */
static void
setup_column_rows (NstImportDialog *self)
{
  clear_column_rows (self);
  for (guint c = 0; c < nst_import_plan_get_n_columns (self->plan); c++)
    {
      g_autoptr(GListModel) choices = NULL;
      AdwComboRow *row;

      if (nst_import_plan_get_column_known (self->plan, c))
        continue;
      choices = field_choices ();
      row = ADW_COMBO_ROW (adw_combo_row_new ());
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     nst_import_plan_get_column_header (self->plan, c));
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_combo_row_set_model (row, choices);
      g_object_set_data (G_OBJECT (row), "nst-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, GTK_WIDGET (row));
      g_ptr_array_add (self->column_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), self->column_rows->len > 0);
}

/* ---- reading the file ---------------------------------------------------- */

static void
show_busy (NstImportDialog *self,
           const char      *what,
           gboolean         with_progress)
{
  self->busy = TRUE;
  gtk_label_set_text (self->busy_label, what);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), with_progress);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_spinner_set_spinning (self->spinner, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_set_sensitive (self->import_button, FALSE);
  gtk_widget_set_sensitive (self->other_file_button, FALSE);
}

static void
stop_busy (NstImportDialog *self)
{
  self->busy = FALSE;
  gtk_spinner_set_spinning (self->spinner, FALSE);
  gtk_widget_set_sensitive (self->other_file_button, TRUE);
  g_clear_object (&self->cancellable);
}

static void
show_error (NstImportDialog *self,
            const char      *heading,
            const GError    *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay,
                               nst_error_toast_new (GTK_WINDOW (self), heading, error));
}

static void
show_plan (NstImportDialog *self,
           NstImportPlan   *plan)
{
  g_autoptr(GListStore) registry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);
  g_autoptr(GtkNoSelection) selection = NULL;

  if (self->plan != NULL)
    g_signal_handlers_disconnect_by_data (self->plan, self);
  g_set_object (&self->plan, plan);
  /* The registry as it is now; the commit compares again with its own. */
  if ((registry = nst_store_list_participants (self->store, &error)) == NULL)
    show_error (self, _("Could not read the registry"), error);
  nst_import_plan_set_existing (plan, registry ? G_LIST_MODEL (registry) : NULL);
  nst_import_plan_set_on_duplicate (plan, adw_combo_row_get_selected (self->duplicates_row));
  g_signal_connect_object (plan, "notify", G_CALLBACK (plan_counts_notify_cb), self,
                           G_CONNECT_SWAPPED);

  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_filter_list_model_new (
    g_object_ref (nst_import_plan_get_rows (plan)), g_object_ref (GTK_FILTER (self->errors_filter)))));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
  setup_column_rows (self);
  update_summary (self);
  adw_window_title_set_subtitle (self->window_title, name);
  gtk_widget_set_visible (self->other_file_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
read_thread (GTask        *task,
             gpointer      source,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  NstImportPlan *plan = nst_import_plan_new_for_file (task_data, cancellable, &error);

  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, g_object_unref);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  NstImportDialog *self = NST_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(NstImportPlan) plan = g_task_propagate_pointer (G_TASK (result), &error);

  stop_busy (self);
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (plan == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->plan ? "preview" : "choose");
      if (self->plan != NULL)
        update_summary (self);
      show_error (self, _("Could not read the file"), error);
      return;
    }
  show_plan (self, plan);
}

/* ---- importing ----------------------------------------------------------- */

typedef struct
{
  char *path;
  NstImportPlan *plan;
  gint *progress;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->path);
  g_clear_object (&job->plan);
  g_free (job);
}

static void
job_progress (guint    done,
              guint    total,
              gpointer user_data)
{
  g_atomic_int_set ((gint *) user_data, total ? (gint) ((guint64) done * PROGRESS_SCALE / total) : 0);
}

/* The worker has a connection of its own: the window's is not to be used
 * from two threads, and SQLite keeps the two consistent. */
static void
import_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(NstStore) store = NULL;
  GError *error = NULL;
  NstImportCounts *counts = g_new0 (NstImportCounts, 1);

  if ((store = nst_store_open (job->path, &error)) == NULL ||
      !nst_import_plan_commit (job->plan, store, job_progress, job->progress, cancellable,
                               counts, &error))
    {
      g_free (counts);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, counts, g_free);
}

static gboolean
progress_tick_cb (gpointer user_data)
{
  NstImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar,
                                 g_atomic_int_get (&self->progress) / (double) PROGRESS_SCALE);
  return G_SOURCE_CONTINUE;
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  NstImportDialog *self = NST_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autofree NstImportCounts *counts = g_task_propagate_pointer (G_TASK (result), &error);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  stop_busy (self);
  if (counts != NULL)
    {
      g_signal_emit (self, signals[IMPORTED], 0, counts->added, counts->updated, counts->skipped);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_summary (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay,
                                 adw_toast_new (_("Import cancelled: nothing was written")));
  else
    show_error (self, _("Nothing was imported"), error);
}

/* Callbacks */

static void
import_clicked_cb (NstImportDialog *self)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  if (self->busy || self->plan == NULL || !nst_import_plan_can_commit (self->plan))
    return;
  job = g_new0 (ImportJob, 1);
  job->path = g_strdup (nst_store_get_path (self->store));
  job->plan = g_object_ref (self->plan);
  job->progress = &self->progress;
  g_atomic_int_set (&self->progress, 0);
  self->cancellable = g_cancellable_new ();
  show_busy (self, _("Importing…"), TRUE);
  self->progress_source = g_timeout_add (PROGRESS_INTERVAL_MS, progress_tick_cb, self);

  task = g_task_new (self, self->cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_clicked_cb);
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     NstImportDialog *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    nst_import_dialog_load_file (self, file);
}

/* A type of table the import reads: its name patterns, either case. */
typedef struct
{
  const char *name;
  const char *pattern;
  const char *mime_type;
} TableType;

static const TableType table_types[] = {
  { N_("CSV"), "*.[cC][sS][vV]", "text/csv" },
  { N_("Excel (XLSX)"), "*.[xX][lL][sS][xX]",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { N_("LibreOffice (ODS)"), "*.[oO][dD][sS]", "application/vnd.oasis.opendocument.spreadsheet" },
  { N_("Excel 97–2003 (XLS)"), "*.[xX][lL][sS]", "application/vnd.ms-excel" },
};

static void
add_type (GtkFileFilter   *filter,
          const TableType *type)
{
  gtk_file_filter_add_pattern (filter, type->pattern);
  gtk_file_filter_add_mime_type (filter, type->mime_type);
}

static void
add_filter (GtkFileChooser *chooser,
            GtkFileFilter  *filter,
            const char     *name)
{
  gtk_file_filter_set_name (filter, name);
  gtk_file_chooser_add_filter (chooser, filter);
  g_object_unref (filter);
}

/* Every table first, then each type alone, then anything. */
static void
add_filters (GtkFileChooser *chooser)
{
  GtkFileFilter *all_tables = gtk_file_filter_new ();
  GtkFileFilter *any = gtk_file_filter_new ();

  for (guint i = 0; i < G_N_ELEMENTS (table_types); i++)
    add_type (all_tables, &table_types[i]);
  add_filter (chooser, all_tables, _("Tables (CSV, XLSX, ODS, XLS)"));
  for (guint i = 0; i < G_N_ELEMENTS (table_types); i++)
    {
      GtkFileFilter *filter = gtk_file_filter_new ();

      add_type (filter, &table_types[i]);
      add_filter (chooser, filter, _(table_types[i].name));
    }
  gtk_file_filter_add_pattern (any, "*");
  add_filter (chooser, any, _("All files"));
}

static void
choose_clicked_cb (NstImportDialog *self)
{
  if (self->busy || self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Table"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  add_filters (GTK_FILE_CHOOSER (self->chooser));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
duplicates_selected_cb (NstImportDialog *self)
{
  if (self->plan == NULL)
    return;
  nst_import_plan_set_on_duplicate (self->plan, adw_combo_row_get_selected (self->duplicates_row));
  update_summary (self);
}

static void
errors_only_toggled_cb (NstImportDialog *self)
{
  gtk_filter_changed (GTK_FILTER (self->errors_filter),
                      gtk_check_button_get_active (self->errors_only_check)
                        ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
choose_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_clicked_cb (NST_IMPORT_DIALOG (widget));
}

/* While the worker runs, closing cancels it; the window closes when it
 * has rolled back, so that nothing is half written. */
static gboolean
nst_import_dialog_close_request (GtkWindow *window)
{
  NstImportDialog *self = NST_IMPORT_DIALOG (window);

  if (!self->busy)
    return GTK_WINDOW_CLASS (nst_import_dialog_parent_class)->close_request (window);
  self->close_when_done = TRUE;
  g_cancellable_cancel (self->cancellable);
  return TRUE;
}

/* vfuncs */

static void
nst_import_dialog_dispose (GObject *object)
{
  NstImportDialog *self = NST_IMPORT_DIALOG (object);

  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (nst_import_dialog_parent_class)->dispose (object);
}

static void
nst_import_dialog_finalize (GObject *object)
{
  NstImportDialog *self = NST_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->plan);
  g_clear_object (&self->file);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->errors_filter);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  G_OBJECT_CLASS (nst_import_dialog_parent_class)->finalize (object);
}

static void
nst_import_dialog_class_init (NstImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = nst_import_dialog_dispose;
  object_class->finalize = nst_import_dialog_finalize;
  window_class->close_request = nst_import_dialog_close_request;

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE,
                                    3, G_TYPE_UINT, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/nastavnik/Nastavnik/registry/nst-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, other_file_button);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, busy_label);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, errors_only_check);
  gtk_widget_class_bind_template_child (widget_class, NstImportDialog, rows_view);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, duplicates_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, errors_only_toggled_cb);

  gtk_widget_class_install_action (widget_class, "import.choose", NULL, choose_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "import.choose", NULL);
}

static void
nst_import_dialog_init (NstImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->column_rows = g_ptr_array_new ();
  self->errors_filter = gtk_custom_filter_new (errors_filter_func, self, NULL);
  setup_view_columns (self);
}

/* public */

/**
 * nst_import_dialog_new:
 * @parent: the window it is modal to
 * @store: the database to import into
 *
 * Returns: (transfer none): the dialog, to present; it destroys itself
 *   when closed
 */
NstImportDialog *
nst_import_dialog_new (GtkWindow *parent,
                       NstStore  *store)
{
  NstImportDialog *self = g_object_new (NST_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  return self;
}

/* Reads @file in a worker thread and shows the preview; the file chooser
 * calls it, and so may a drop or a test. */
void
nst_import_dialog_load_file (NstImportDialog *self,
                             GFile           *file)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (NST_IS_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));
  if (self->busy)
    return;
  g_set_object (&self->file, file);
  self->cancellable = g_cancellable_new ();
  show_busy (self, _("Reading the file…"), FALSE);
  task = g_task_new (self, self->cancellable, read_done_cb, NULL);
  g_task_set_source_tag (task, nst_import_dialog_load_file);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_thread);
}

/**
 * nst_import_dialog_get_plan:
 *
 * Returns: (transfer none) (nullable): the plan shown, once a file is read
 */
NstImportPlan *
nst_import_dialog_get_plan (NstImportDialog *self)
{
  g_return_val_if_fail (NST_IS_IMPORT_DIALOG (self), NULL);
  return self->plan;
}

/**
 * nst_import_dialog_dup_summary:
 *
 * Returns: (transfer full): «Импортировано: добавлено N, обновлено N,
 *   пропущено N», for the toast after ::imported
 */
char *
nst_import_dialog_dup_summary (guint added,
                               guint updated,
                               guint skipped)
{
  return g_strdup_printf (_("Imported: %u added, %u updated, %u skipped"), added, updated, skipped);
}
