/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-roadmap-page"

#include "config.h"

#include <glib/gi18n.h>

#include "schedule/nst-date.h"
#include "widgets/nst-error-toast.h"
#include "widgets/nst-status-badge.h"
#include "roadmap/nst-gantt-chart.h"
#include "nst-page.h"
#include "roadmap/nst-roadmap-item-editor.h"
#include "roadmap/nst-roadmap-documents.h"
#include "roadmap/nst-roadmap-page.h"
#include "model/nst-roadmap-template.h"
#include "store/nst-store-groups.h"
#include "store/nst-store-roadmap.h"

/* The chart's rows come from two sources. */
enum { SOURCE_ROADMAP, SOURCE_PROGRAMMES };

#define ZOOM_STEP 1.5
#define MAX_UNDO  50

/* The legend, in the order a curator reads it. */
static const NstDeadlineState legend_states[] = {
  NST_DEADLINE_DONE, NST_DEADLINE_DUE_SOON, NST_DEADLINE_OVERDUE,
  NST_DEADLINE_PLANNED, NST_DEADLINE_CANCELLED,
};

typedef enum
{
  UNDO_SHIFT,    /* dragged in the chart: shift back by -days */
  UNDO_REORDER,  /* moved up or down: put back at section/position */
  UNDO_REMOVE,   /* deleted: add back at section/position */
  UNDO_ADD,      /* added: remove */
  UNDO_EDIT,     /* edited: the fields and marks of @before, back at section/position */
} UndoKind;

typedef struct
{
  UndoKind kind;
  NstRoadmapItem *item;
  NstRoadmapSection *section;
  guint position;
  int days;
  NstRoadmapItem *before;
} UndoStep;

struct _NstRoadmapPage
{
  AdwBin parent_instance;

  NstStore *store;
  NstRoadmap *roadmap;
  NstGanttInput *input;        /* the chart's rows, kept for the exports */
  GPtrArray *programmes;       /* NstProgramme with their plans, while the toggle is on */
  GDate status_date;
  GListStore *items;           /* NstRoadmapItem in the roadmap's order: the table */
  GtkSingleSelection *selection;
  GQueue undo;                 /* UndoStep, the latest first */
  AdwToast *undo_toast;        /* «… — Отменить» for the latest step, while it shows */
  gboolean syncing;            /* the chart and the table follow each other */
  int shown_year;              /* the calendar's month, to tell a choice from paging */
  int shown_month;

  GtkStack *content_stack;
  NstGanttChart *chart;
  GtkLabel *status_label;
  GtkLabel *status_short_label;
  GtkPopover *status_popover;
  GtkCalendar *status_calendar;
  GtkToggleButton *programmes_toggle;
  GtkToggleButton *programmes_icon_toggle;
  GtkLabel *title_label;
  AdwSqueezer *legend_squeezer;
  GtkColumnView *column_view;
  GtkWidget *load_button;
  GtkLabel *legend_counts[3][G_N_ELEMENTS (legend_states)];  /* the full legend, shorter, shortest */
};

static void nst_roadmap_page_page_init (NstPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NstRoadmapPage, nst_roadmap_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (NST_TYPE_PAGE, nst_roadmap_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (NstRoadmapPage *self);
static void update_actions (NstRoadmapPage *self);

/* ---- messages ------------------------------------------------------------ */

static void
show_toast (NstRoadmapPage *self,
            AdwToast *toast)
{
  nst_widget_show_toast (GTK_WIDGET (self), toast);
}

static void
show_error (NstRoadmapPage *self,
            const GError   *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  show_toast (self, nst_error_toast_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         NULL, error));
}

static GtkWindow *
parent_window (NstRoadmapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* «выполнено» → «Выполнено», for a label standing alone. */
static char *
capitalize (const char *text)
{
  char first[8] = { 0 };

  if (text == NULL || *text == '\0')
    return g_strdup ("");
  g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (text)), first);
  return g_strconcat (first, g_utf8_next_char (text), NULL);
}

static char *
format_dates (NstRoadmapItem *item)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate start, end;

  if (!nst_roadmap_item_get_dates (item, &start, &end))
    return g_strdup (nst_roadmap_item_get_schedule (item));
  from = nst_date_format_ru (&start);
  to = nst_date_format_ru (&end);
  if (g_date_compare (&start, &end) == 0)
    /* Translators: a deadline, «до 25.10.2025» */
    return g_strdup_printf (_("by %s"), to);
  /* Translators: a period, «с 01.09.2025 по 31.05.2026» */
  return g_strdup_printf (_("from %s to %s"), from, to);
}

/* Toast titles are markup. */
static AdwToast *
toast_new (const char *title)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  return adw_toast_new (escaped);
}

/* ---- the roadmap's items ---------------------------------------------------- */

static NstRoadmapItem *
selected_item (NstRoadmapPage *self)
{
  GObject *object = nst_gantt_chart_get_selected_object (self->chart);

  return object != NULL && NST_IS_ROADMAP_ITEM (object) ? NST_ROADMAP_ITEM (object) : NULL;
}

static NstRoadmapSection *
section_of (NstRoadmapPage *self,
            NstRoadmapItem *item)
{
  NstRoadmapSection *section = NULL;

  if (self->roadmap == NULL || item == NULL)
    return NULL;
  if (nst_roadmap_find_item (self->roadmap, nst_roadmap_item_get_id (item), &section) != item)
    return NULL;
  return section;
}

static gboolean
find_position (GListModel *model,
               gpointer    item,
               guint      *position)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) object = g_list_model_get_item (model, i);

      if (object == item)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static NstDeadlineState
item_state (NstRoadmapPage *self,
            NstRoadmapItem *item)
{
  NstGanttLayout *layout = nst_gantt_chart_get_layout (self->chart);
  int row = layout ? nst_gantt_layout_find_row (layout, SOURCE_ROADMAP, nst_roadmap_item_get_id (item)) : -1;

  return row >= 0 ? nst_gantt_layout_get_row (layout, row)->state : NST_DEADLINE_PLANNED;
}

/* ---- undo ----------------------------------------------------------------------- */

static void
undo_step_free (UndoStep *step)
{
  g_clear_object (&step->item);
  g_clear_object (&step->section);
  g_clear_object (&step->before);
  g_free (step);
}

static void
clear_undo (NstRoadmapPage *self)
{
  g_queue_clear_full (&self->undo, (GDestroyNotify) undo_step_free);
}

/* Marks of a rule's occurrences as they were: every due date either list
 * knows gets its old mark back. */
static gboolean
restore_records (NstRoadmapPage  *self,
                 NstRoadmapItem  *item,
                 GArray          *wanted,
                 GError         **error)
{
  g_autoptr(GArray) current = g_array_copy (nst_roadmap_item_get_records (item));

  /* Only a rule's occurrences have marks of their own; for the others the
   * store would take them for the item's status. */
  if (nst_roadmap_item_get_timing (item) != NST_ROADMAP_TIMING_RECURRING)
    return TRUE;
  for (guint i = 0; i < current->len; i++)
    {
      NstRoadmapOccurrence *now = &g_array_index (current, NstRoadmapOccurrence, i);
      gboolean kept = FALSE;

      for (guint j = 0; j < wanted->len && !kept; j++)
        kept = g_date_compare (&g_array_index (wanted, NstRoadmapOccurrence, j).due, &now->due) == 0;
      if (!kept && !nst_store_set_roadmap_occurrence_status (self->store, item, &now->due,
                                                             NST_ROADMAP_STATUS_PLANNED, NULL, error))
        return FALSE;
    }
  for (guint j = 0; j < wanted->len; j++)
    {
      NstRoadmapOccurrence *was = &g_array_index (wanted, NstRoadmapOccurrence, j);

      if (!nst_store_set_roadmap_occurrence_status (self->store, item, &was->due, was->status,
                                                    g_date_valid (&was->done_on) ? &was->done_on : NULL,
                                                    error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
undo_edit (NstRoadmapPage  *self,
           UndoStep        *step,
           GError         **error)
{
  NstRoadmapSection *section = section_of (self, step->item);
  gboolean ok;

  if (section == NULL)
    {
      g_set_error (error, NST_STORE_ERROR, NST_STORE_ERROR_NOT_FOUND,
                   _("The roadmap item is no longer in the roadmap"));
      return FALSE;
    }
  if (!nst_store_begin (self->store, error))
    return FALSE;
  ok = nst_store_update_roadmap_item (self->store, step->item, step->before, error) &&
       restore_records (self, step->item, nst_roadmap_item_get_records (step->before), error) &&
       ((section == step->section && nst_roadmap_item_get_position (step->item) == step->position) ||
        nst_store_move_roadmap_item (self->store, self->roadmap, step->item, step->section,
                                     step->position, error)) &&
       nst_store_commit (self->store, error);
  if (!ok)
    nst_store_rollback (self->store);
  return ok;
}

static gboolean
apply_undo (NstRoadmapPage  *self,
            UndoStep        *step,
            GError         **error)
{
  NstRoadmapSection *section;

  switch (step->kind)
    {
    case UNDO_SHIFT:
      return nst_store_shift_roadmap_item (self->store, step->item, -step->days, error);
    case UNDO_REORDER:
      return nst_store_move_roadmap_item (self->store, self->roadmap, step->item, step->section,
                                          step->position, error);
    case UNDO_REMOVE:
      return nst_store_add_roadmap_item (self->store, step->section, step->item, step->position, error);
    case UNDO_ADD:
      section = section_of (self, step->item);
      return section == NULL ||
             nst_store_remove_roadmap_item (self->store, section, step->item, error);
    case UNDO_EDIT:
      return undo_edit (self, step, error);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* The toast changes its words rather than go: libadwaita 1.2 cannot be
 * asked to dismiss a toast (it may free it twice, or show one that is
 * still fading out), so the one toast of this page is reused while it
 * shows, and only the user or its timeout dismisses it. */
static void
set_undo_toast (NstRoadmapPage *self,
                const char     *message,
                gboolean        can_undo)
{
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  if (self->undo_toast == NULL)
    return;
  adw_toast_set_title (self->undo_toast, escaped);
  adw_toast_set_button_label (self->undo_toast, can_undo ? _("_Undo") : NULL);
}

static void
undo (NstRoadmapPage *self,
      UndoStep       *step)
{
  g_autoptr(GError) error = NULL;

  g_queue_remove (&self->undo, step);
  if (!apply_undo (self, step, &error))
    show_error (self, error);
  rebuild (self);
  if (error == NULL && step->kind != UNDO_ADD)
    nst_gantt_chart_select_item (self->chart, SOURCE_ROADMAP, nst_roadmap_item_get_id (step->item));
  if (error == NULL)
    set_undo_toast (self, _("Undone"), FALSE);
  undo_step_free (step);
  update_actions (self);
}

static void
toast_undo_cb (AdwToast *toast,
               gpointer  user_data)
{
  g_autoptr(NstRoadmapPage) self = g_weak_ref_get (user_data);

  if (self != NULL && !g_queue_is_empty (&self->undo))
    undo (self, g_queue_peek_head (&self->undo));
}

static void
toast_dismissed_cb (AdwToast *toast,
                    gpointer  user_data)
{
  g_autoptr(NstRoadmapPage) self = g_weak_ref_get (user_data);

  if (self != NULL && self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

static void
weak_ref_free (gpointer  data,
               GClosure *closure)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static GWeakRef *
weak_ref_new (gpointer object)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  g_weak_ref_init (ref, object);
  return ref;
}

/* Remembers how to undo a change and says so, with «Отменить» for the
 * latest; Ctrl+Z reaches the older ones. */
static void
push_undo (NstRoadmapPage *self,
           UndoStep       *step,
           const char     *message)
{
  g_queue_push_head (&self->undo, step);
  while (g_queue_get_length (&self->undo) > MAX_UNDO)
    undo_step_free (g_queue_pop_tail (&self->undo));
  update_actions (self);
  if (self->undo_toast != NULL)
    {
      set_undo_toast (self, message, TRUE);
      return;
    }
  self->undo_toast = toast_new (message);
  adw_toast_set_button_label (self->undo_toast, _("_Undo"));
  g_signal_connect_data (self->undo_toast, "button-clicked", G_CALLBACK (toast_undo_cb),
                         weak_ref_new (self), weak_ref_free, 0);
  g_signal_connect_data (self->undo_toast, "dismissed", G_CALLBACK (toast_dismissed_cb),
                         weak_ref_new (self), weak_ref_free, 0);
  show_toast (self, g_object_ref (self->undo_toast));
}

static UndoStep *
undo_step_new (UndoKind            kind,
               NstRoadmapItem     *item,
               NstRoadmapSection  *section,
               guint               position)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->kind = kind;
  step->item = g_object_ref (item);
  step->section = section ? g_object_ref (section) : NULL;
  step->position = position;
  return step;
}

/* ---- the chart's rows ------------------------------------------------------------- */

static GArray *
plan_occurrences (NstPlanItem *item)
{
  GListModel *model = nst_plan_item_get_occurrences (item);
  guint n = g_list_model_get_n_items (model);
  GArray *out = g_array_sized_new (FALSE, TRUE, sizeof (NstGanttOccurrence), n);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstPlanOccurrence) o = g_list_model_get_item (model, i);
      NstGanttOccurrence g = { 0 };

      g_date_clear (&g.start, 1);
      g_date_clear (&g.due, 1);
      g_date_clear (&g.done_on, 1);
      if (!nst_date_parse_iso (nst_plan_occurrence_get_due_on (o), &g.due))
        continue;
      if (!nst_date_parse_iso (nst_plan_occurrence_get_starts_on (o), &g.start))
        g.start = g.due;
      nst_date_parse_iso (nst_plan_occurrence_get_done_on (o), &g.done_on);
      g_array_append_val (out, g);
    }
  return out;
}

static NstGanttShapeKind
plan_shape (GArray *occurrences)
{
  NstGanttOccurrence *first;

  if (occurrences->len > 1)
    return NST_GANTT_SHAPE_MARK;
  if (occurrences->len == 0)
    return NST_GANTT_SHAPE_BAR;
  first = &g_array_index (occurrences, NstGanttOccurrence, 0);
  return g_date_compare (&first->start, &first->due) == 0 ? NST_GANTT_SHAPE_DIAMOND : NST_GANTT_SHAPE_BAR;
}

static void
add_programme_rows (NstGanttInput *input,
                    NstProgramme  *programme)
{
  GListModel *items = nst_programme_get_items (programme);
  g_autofree char *title = NULL;

  /* Translators: a group of rows in the chart: the plan of a pair's
   * personalized programme, «Программа пары: Иванова М. П. — Петров А. С.» */
  title = g_strdup_printf (_("Pair's programme: %s — %s"), nst_programme_get_mentor_name (programme),
                           nst_programme_get_mentee_names (programme));
  nst_gantt_input_add_group (input, title, SOURCE_PROGRAMMES);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(NstPlanItem) item = g_list_model_get_item (items, i);
      g_autoptr(GArray) occurrences = plan_occurrences (item);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      NstGanttRowSpec spec = { 0 };

      spec.number = number;
      spec.label = nst_plan_item_get_activity (item);
      spec.bar_text = nst_plan_item_get_schedule (item);
      spec.shape = plan_shape (occurrences);
      spec.can_move = FALSE;
      spec.id = nst_plan_item_get_id (item);
      spec.source = SOURCE_PROGRAMMES;
      spec.object = G_OBJECT (item);
      spec.occurrences = (const NstGanttOccurrence *) occurrences->data;
      spec.n_occurrences = occurrences->len;
      nst_gantt_input_add_row (input, &spec);
    }
}

static gboolean
load_programmes (NstRoadmapPage  *self,
                 GError         **error)
{
  g_autoptr(GListStore) list = nst_store_list_programmes (self->store, NULL, error);

  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  if (list == NULL)
    return FALSE;
  self->programmes = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NstProgramme) brief = g_list_model_get_item (G_LIST_MODEL (list), i);
      NstProgramme *full;

      if (nst_programme_get_status (brief) == NST_PROGRAMME_STATUS_TERMINATED)
        continue;
      if ((full = nst_store_get_programme (self->store, nst_programme_get_id (brief), error)) == NULL)
        return FALSE;
      g_ptr_array_add (self->programmes, full);
    }
  return TRUE;
}

static NstGanttInput *
build_input (NstRoadmapPage *self)
{
  NstGanttInput *input = nst_gantt_input_new ();

  nst_gantt_input_add_roadmap (input, self->roadmap, nst_store_quarters_func, self->store);
  if (self->programmes != NULL && gtk_toggle_button_get_active (self->programmes_toggle))
    for (guint i = 0; i < self->programmes->len; i++)
      add_programme_rows (input, g_ptr_array_index (self->programmes, i));
  return input;
}

/* A layout of the current rows; the store must outlive it (quarters). */
static NstGanttLayout *
layout_new (NstRoadmapPage *self)
{
  GDate today;

  nst_date_today (&today);
  return nst_gantt_layout_new (self->input, &self->status_date, &today,
                               nst_store_quarters_func, self->store);
}

/* ---- the table ----------------------------------------------------------------------- */

typedef enum
{
  COLUMN_SECTION,
  COLUMN_NUMBER,
  COLUMN_CONTENT,
  COLUMN_SCHEDULE,
  COLUMN_RESPONSIBLE,
  COLUMN_STATE,
} Column;

static char *
column_text (NstRoadmapPage *self,
             NstRoadmapItem *item,
             Column          column)
{
  NstRoadmapSection *section;

  switch (column)
    {
    case COLUMN_SECTION:
      section = self->roadmap ? nst_roadmap_find_section (self->roadmap, nst_roadmap_item_get_section_id (item)) : NULL;
      return g_strdup (section ? nst_roadmap_section_get_title (section) : "");
    case COLUMN_NUMBER:
      return g_strdup_printf ("%u", nst_roadmap_item_get_position (item) + 1);
    case COLUMN_CONTENT:
      return g_strdup (nst_roadmap_item_get_content (item));
    case COLUMN_SCHEDULE:
      return g_strdup (nst_roadmap_item_get_schedule (item));
    case COLUMN_RESPONSIBLE:
      return nst_roadmap_item_dup_responsible_text (item);
    case COLUMN_STATE:
      return capitalize (nst_deadline_state_label (item_state (self, item)));
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

static void
draw_state_symbol (GtkDrawingArea *area,
                   cairo_t        *cr,
                   int             width,
                   int             height,
                   gpointer        user_data)
{
  NstRoadmapPage *self = user_data;
  int code = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "nst-state"));

  if (code <= 0)
    return;
  nst_gantt_render_symbol (cr, nst_gantt_chart_get_palette (self->chart), NST_GANTT_SHAPE_MARK,
                           code - 1, width / 2.0, height / 2.0, MIN (width, height) - 2);
}

static GtkWidget *
symbol_new (NstRoadmapPage  *self,
            GtkDrawingAreaDrawFunc draw,
            int              code)
{
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  "content-width", 16, "content-height", 16,
                                  "valign", GTK_ALIGN_CENTER, NULL);

  g_object_set_data (G_OBJECT (area), "nst-state", GINT_TO_POINTER (code));
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw, self, NULL);
  return area;
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               NstRoadmapPage           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "nst-column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (column == COLUMN_NUMBER)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_SECTION || column == COLUMN_RESPONSIBLE)
    gtk_widget_add_css_class (label, "dim-label");
  if (column == COLUMN_STATE)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

      gtk_box_append (GTK_BOX (box), symbol_new (self, draw_state_symbol, 0));
      gtk_box_append (GTK_BOX (box), label);
      gtk_list_item_set_child (list_item, box);
    }
  else
    gtk_list_item_set_child (list_item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              NstRoadmapPage           *self)
{
  Column column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "nst-column"));
  NstRoadmapItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *label = column == COLUMN_STATE ? gtk_widget_get_last_child (child) : child;
  g_autofree char *text = column_text (self, item, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (column == COLUMN_CONTENT || column == COLUMN_SECTION || column == COLUMN_RESPONSIBLE)
    gtk_widget_set_tooltip_text (label, text);
  if (column == COLUMN_STATE)
    {
      GtkWidget *symbol = gtk_widget_get_first_child (child);

      g_object_set_data (G_OBJECT (symbol), "nst-state",
                         GINT_TO_POINTER (item_state (self, item) + 1));
      gtk_widget_queue_draw (symbol);
    }
}

static void
add_column (NstRoadmapPage *self,
            Column          column,
            const char     *title,
            int             width,
            gboolean        expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *view_column;

  g_object_set_data (G_OBJECT (factory), "nst-column", GINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cell_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell_cb), self, 0);
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (view_column, width);
  gtk_column_view_append_column (self->column_view, view_column);
  g_object_unref (view_column);
}

static void
build_table (NstRoadmapPage *self)
{
  add_column (self, COLUMN_SECTION, _("Section"), 170, FALSE);
  add_column (self, COLUMN_NUMBER, C_("column", "No."), 48, FALSE);
  add_column (self, COLUMN_CONTENT, _("Activity"), -1, TRUE);
  add_column (self, COLUMN_SCHEDULE, _("Schedule"), 210, FALSE);
  add_column (self, COLUMN_RESPONSIBLE, _("Responsible"), 210, FALSE);
  add_column (self, COLUMN_STATE, _("State"), 150, FALSE);

  self->items = g_list_store_new (NST_TYPE_ROADMAP_ITEM);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->items)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
}

/* GTK 4.8 has no gtk_column_view_scroll_to(); its list view has the action. */
static void
scroll_table_to (NstRoadmapPage *self,
                 guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      {
        gtk_widget_activate_action (child, "list.scroll-to-item", "u", position);
        return;
      }
}

static void
sync_table_from_chart (NstRoadmapPage *self)
{
  NstRoadmapItem *item = selected_item (self);
  guint position = GTK_INVALID_LIST_POSITION;

  if (item != NULL && !find_position (G_LIST_MODEL (self->items), item, &position))
    position = GTK_INVALID_LIST_POSITION;
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->syncing = FALSE;
  if (position != GTK_INVALID_LIST_POSITION)
    scroll_table_to (self, position);
}

/* Every row again: numbers, sections and states may all have changed. */
static void
refresh_table (NstRoadmapPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  for (guint s = 0; self->roadmap && s < nst_roadmap_get_n_sections (self->roadmap); s++)
    {
      NstRoadmapSection *section = nst_roadmap_get_section (self->roadmap, s);

      for (guint i = 0; i < nst_roadmap_section_get_n_items (section); i++)
        g_ptr_array_add (items, nst_roadmap_section_get_item (section, i));
    }
  self->syncing = TRUE;
  g_list_store_splice (self->items, 0, n, items->pdata, items->len);
  self->syncing = FALSE;
  sync_table_from_chart (self);
}

/* ---- the legend -------------------------------------------------------------------------- */

static void
draw_kind_symbol (GtkDrawingArea *area,
                  cairo_t        *cr,
                  int             width,
                  int             height,
                  gpointer        user_data)
{
  NstRoadmapPage *self = user_data;
  const NstGanttColor *dim = &nst_gantt_chart_get_palette (self->chart)->dim;
  NstGanttShapeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (area), "nst-state")) - 1;
  double cx = width / 2.0, cy = height / 2.0, r = MIN (width, height) / 2.0 - 1;

  cairo_set_source_rgba (cr, dim->red, dim->green, dim->blue, dim->alpha * 0.8);
  if (kind == NST_GANTT_SHAPE_BAR)
    cairo_rectangle (cr, 0, cy - r * 0.5, width, r);
  else if (kind == NST_GANTT_SHAPE_DIAMOND)
    {
      cairo_move_to (cr, cx, cy - r);
      cairo_line_to (cr, cx + r, cy);
      cairo_line_to (cr, cx, cy + r);
      cairo_line_to (cr, cx - r, cy);
      cairo_close_path (cr);
    }
  else
    cairo_arc (cr, cx, cy, r * 0.8, 0, 2 * G_PI);
  cairo_fill (cr);
}

static GtkWidget *
legend_entry (GtkWidget   *symbol,
              const char  *text,
              gboolean     words,
              GtkWidget  **count)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 5);

  gtk_box_append (GTK_BOX (box), symbol);
  if (words)
    gtk_box_append (GTK_BOX (box), gtk_label_new (text));
  else
    gtk_widget_set_tooltip_text (box, text);
  if (count != NULL)
    {
      *count = gtk_label_new (NULL);
      gtk_widget_add_css_class (*count, "dim-label");
      gtk_widget_add_css_class (*count, "numeric");
      gtk_box_append (GTK_BOX (box), *count);
    }
  return box;
}

/* The states with their counts, and (in the full legend, level 0) the
 * kinds of shapes; a narrower window gets the states alone (1), then
 * their symbols and counts (2), the words in tooltips. */
static GtkWidget *
legend_new (NstRoadmapPage *self,
            guint           level)
{
  gboolean full = level == 0;
  const char *kinds[] = { C_("legend", "period"), C_("legend", "deadline"), C_("legend", "by a rule") };
  static const NstGanttShapeKind kind_order[] = {
    NST_GANTT_SHAPE_BAR, NST_GANTT_SHAPE_DIAMOND, NST_GANTT_SHAPE_MARK,
  };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, full ? 14 : 10);

  for (guint i = 0; i < G_N_ELEMENTS (legend_states); i++)
    {
      g_autofree char *text = capitalize (nst_deadline_state_label (legend_states[i]));
      GtkWidget *count = NULL;

      gtk_box_append (GTK_BOX (box),
                      legend_entry (symbol_new (self, draw_state_symbol, legend_states[i] + 1),
                                    text, level < 2, &count));
      self->legend_counts[level][i] = GTK_LABEL (count);
    }
  if (!full)
    return box;
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  for (guint i = 0; i < G_N_ELEMENTS (kind_order); i++)
    {
      GtkWidget *entry = legend_entry (symbol_new (self, draw_kind_symbol, kind_order[i] + 1),
                                       kinds[kind_order[i]], TRUE, NULL);

      gtk_widget_add_css_class (gtk_widget_get_last_child (entry), "dim-label");
      gtk_box_append (GTK_BOX (box), entry);
    }
  return box;
}

static void
build_legend (NstRoadmapPage *self)
{
  for (guint level = 0; level < G_N_ELEMENTS (self->legend_counts); level++)
    adw_squeezer_add (self->legend_squeezer, legend_new (self, level));
}

static void
update_legend (NstRoadmapPage *self)
{
  NstGanttLayout *layout = nst_gantt_chart_get_layout (self->chart);
  guint counts[NST_GANTT_N_STATES] = { 0 };

  if (layout != NULL)
    nst_gantt_layout_count_states (layout, counts);
  for (guint i = 0; i < G_N_ELEMENTS (legend_states); i++)
    {
      g_autofree char *text = g_strdup_printf ("%u", counts[legend_states[i]]);

      for (guint level = 0; level < G_N_ELEMENTS (self->legend_counts); level++)
        gtk_label_set_text (self->legend_counts[level][i], text);
    }
}

static void
redraw_symbols (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_DRAWING_AREA (child))
        gtk_widget_queue_draw (child);
      redraw_symbols (child);
    }
}

/* ---- the whole ------------------------------------------------------------------------------ */

static void
update_status_label (NstRoadmapPage *self)
{
  g_autofree char *date = nst_date_format_ru (&self->status_date);
  /* Translators: the status date button, «На дату: 15.11.2025» */
  g_autofree char *text = g_strdup_printf (_("As of: %s"), date);

  gtk_label_set_text (self->status_label, text);
  gtk_label_set_text (self->status_short_label, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (GTK_WIDGET (self->status_label),
                                                                             GTK_TYPE_MENU_BUTTON)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
update_actions (NstRoadmapPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  NstRoadmapItem *item = selected_item (self);
  NstRoadmapSection *section = section_of (self, item);
  guint position = item ? nst_roadmap_item_get_position (item) : 0;
  gboolean any = self->roadmap != NULL;

  gtk_widget_action_set_enabled (widget, "roadmap.edit", section != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.delete", section != NULL);
  gtk_widget_action_set_enabled (widget, "roadmap.move-up", section != NULL && position > 0);
  gtk_widget_action_set_enabled (widget, "roadmap.move-down",
                                 section != NULL && position + 1 < nst_roadmap_section_get_n_items (section));
  gtk_widget_action_set_enabled (widget, "roadmap.zoom-in", any && nst_gantt_chart_can_zoom_in (self->chart));
  gtk_widget_action_set_enabled (widget, "roadmap.zoom-out", any && nst_gantt_chart_can_zoom_out (self->chart));
  gtk_widget_action_set_enabled (widget, "roadmap.show-period", any);
  gtk_widget_action_set_enabled (widget, "roadmap.show-today", any);
  gtk_widget_action_set_enabled (widget, "roadmap.export-png", any);
  gtk_widget_action_set_enabled (widget, "roadmap.export-pdf", any);
  gtk_widget_action_set_enabled (widget, "roadmap.print", any);
  gtk_widget_action_set_enabled (widget, "roadmap.undo", !g_queue_is_empty (&self->undo));
}

static void
rebuild (NstRoadmapPage *self)
{
  NstGanttLayout *layout;

  g_clear_pointer (&self->input, nst_gantt_input_free);
  gtk_stack_set_visible_child_name (self->content_stack, self->roadmap ? "roadmap" : "empty");
  self->syncing = TRUE;
  if (self->roadmap == NULL)
    nst_gantt_chart_set_layout (self->chart, NULL);
  else
    {
      self->input = build_input (self);
      layout = layout_new (self);
      nst_gantt_chart_set_layout (self->chart, layout);
      nst_gantt_layout_unref (layout);
    }
  self->syncing = FALSE;
  gtk_label_set_text (self->title_label, self->roadmap ? nst_roadmap_get_title (self->roadmap) : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label),
                               self->roadmap ? nst_roadmap_get_title (self->roadmap) : NULL);
  refresh_table (self);
  update_legend (self);
  update_actions (self);
}

static void
set_roadmap (NstRoadmapPage *self,
             NstRoadmap     *roadmap)
{
  GDate first, last;

  clear_undo (self);
  g_set_object (&self->roadmap, roadmap);
  /* A different roadmap opens on its whole period. */
  self->syncing = TRUE;
  nst_gantt_chart_set_layout (self->chart, NULL);
  self->syncing = FALSE;
  if (roadmap != NULL && nst_roadmap_get_period (roadmap, &first, &last))
    nst_gantt_chart_set_period (self->chart, &first, &last);
  else
    nst_gantt_chart_set_period (self->chart, NULL, NULL);
  rebuild (self);
}

/* ---- callbacks ---------------------------------------------------------------------------------- */

static void
chart_selection_changed_cb (NstRoadmapPage *self)
{
  if (self->syncing)
    return;
  sync_table_from_chart (self);
  update_actions (self);
}

static void
table_selection_changed_cb (NstRoadmapPage *self)
{
  NstRoadmapItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->syncing)
    return;
  self->syncing = TRUE;
  if (item != NULL)
    nst_gantt_chart_select_item (self->chart, SOURCE_ROADMAP, nst_roadmap_item_get_id (item));
  else if (selected_item (self) != NULL)
    nst_gantt_chart_select_row (self->chart, -1);
  self->syncing = FALSE;
  update_actions (self);
}

static void
chart_view_changed_cb (NstRoadmapPage *self)
{
  update_actions (self);
}

static void
chart_palette_changed_cb (NstRoadmapPage *self)
{
  redraw_symbols (GTK_WIDGET (self));
}

static void
editor_saved_cb (NstRoadmapPage *self,
                 NstRoadmapItem *item,
                 NstRoadmapItem *before)
{
  NstRoadmapSection *old_section;
  UndoStep *step;

  rebuild (self);
  nst_gantt_chart_select_item (self->chart, SOURCE_ROADMAP, nst_roadmap_item_get_id (item));
  if (before == NULL)
    {
      step = undo_step_new (UNDO_ADD, item, NULL, 0);
      push_undo (self, step, _("Item added"));
      return;
    }
  old_section = nst_roadmap_find_section (self->roadmap, nst_roadmap_item_get_section_id (before));
  step = undo_step_new (UNDO_EDIT, item, old_section, nst_roadmap_item_get_position (before));
  step->before = g_object_ref (before);
  push_undo (self, step, _("Item saved"));
}

static void
open_editor (NstRoadmapPage *self,
             NstRoadmapItem *item)
{
  NstRoadmapItem *selected = selected_item (self);
  NstRoadmapSection *section = section_of (self, item ? item : selected);
  guint position = 0;
  NstRoadmapItemEditor *editor;

  if (self->store == NULL || self->roadmap == NULL)
    return;
  if (section == NULL && nst_roadmap_get_n_sections (self->roadmap) > 0)
    section = nst_roadmap_get_section (self->roadmap, 0);
  if (section == NULL)
    return;
  /* A new item goes after the selected one, else at the end of the section. */
  position = item == NULL && selected != NULL ? nst_roadmap_item_get_position (selected) + 1
                                              : nst_roadmap_section_get_n_items (section);
  editor = nst_roadmap_item_editor_new (parent_window (self), self->store, self->roadmap,
                                        item, section, position, &self->status_date);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
chart_row_activated_cb (NstRoadmapPage *self,
                        int             row)
{
  NstGanttLayout *layout = nst_gantt_chart_get_layout (self->chart);
  const NstGanttRow *task = layout ? nst_gantt_layout_get_row (layout, row) : NULL;

  if (task == NULL || task->object == NULL)
    return;
  if (NST_IS_ROADMAP_ITEM (task->object))
    open_editor (self, NST_ROADMAP_ITEM (task->object));
  else
    show_toast (self, toast_new (_("The plans of the pairs' programmes are edited in the “Programmes” tab")));
}

static void
table_activated_cb (NstRoadmapPage *self,
                    guint           position)
{
  g_autoptr(NstRoadmapItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    open_editor (self, item);
}

static void
chart_move_requested_cb (NstRoadmapPage *self,
                         GObject        *object,
                         int             days)
{
  NstRoadmapItem *item = NST_IS_ROADMAP_ITEM (object) ? NST_ROADMAP_ITEM (object) : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *message = NULL;
  UndoStep *step;

  if (item == NULL || self->store == NULL)
    return;
  if (!nst_store_shift_roadmap_item (self->store, item, days, &error))
    {
      show_error (self, error);
      rebuild (self);
      return;
    }
  rebuild (self);
  step = undo_step_new (UNDO_SHIFT, item, NULL, 0);
  step->days = days;
  dates = format_dates (item);
  /* Translators: a toast after a drag in the chart, «Перенесено: до 01.11.2025» */
  message = g_strdup_printf (_("Moved: %s"), dates);
  push_undo (self, step, message);
}

static void
programmes_toggled_cb (NstRoadmapPage *self)
{
  g_autoptr(GError) error = NULL;

  if (gtk_toggle_button_get_active (self->programmes_toggle) && self->store != NULL &&
      !load_programmes (self, &error))
    show_error (self, error);
  rebuild (self);
}

/* The calendar tells of the new day before the new month: a day picked in
 * the month shown is a choice, one picked by paging is not. */
static void
remember_shown_month (NstRoadmapPage *self)
{
  g_autoptr(GDateTime) shown = gtk_calendar_get_date (self->status_calendar);

  self->shown_year = g_date_time_get_year (shown);
  self->shown_month = g_date_time_get_month (shown);
}

static void
status_popover_show_cb (NstRoadmapPage *self)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (g_date_get_year (&self->status_date),
                                                     g_date_get_month (&self->status_date),
                                                     g_date_get_day (&self->status_date), 0, 0, 0);

  self->syncing = TRUE;
  gtk_calendar_select_day (self->status_calendar, date);
  self->syncing = FALSE;
  remember_shown_month (self);
}

static void
status_month_shown_cb (NstRoadmapPage *self)
{
  remember_shown_month (self);
}

static void
status_day_selected_cb (NstRoadmapPage *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->status_calendar);
  GDate day;

  if (self->syncing || g_date_time_get_year (picked) != self->shown_year ||
      g_date_time_get_month (picked) != self->shown_month)
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  nst_roadmap_page_set_status_date (self, &day);
  gtk_popover_popdown (self->status_popover);
}

static void
map_cb (NstRoadmapPage *self)
{
  g_autoptr(GError) error = NULL;

  /* The example school may have been loaded from another tab. */
  if (self->roadmap == NULL)
    nst_roadmap_page_reload (self);
  else if (gtk_toggle_button_get_active (self->programmes_toggle))
    {
      if (!load_programmes (self, &error))
        show_error (self, error);
      rebuild (self);
    }
}

/* ---- actions ------------------------------------------------------------------------------------ */

static void
zoom_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);

  nst_gantt_chart_zoom (self->chart, g_str_equal (action_name, "roadmap.zoom-in") ? ZOOM_STEP : 1 / ZOOM_STEP);
}

static void
show_period_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  nst_gantt_chart_show_period (NST_ROADMAP_PAGE (widget)->chart);
}

static void
show_today_action_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  GDate today;

  nst_date_today (&today);
  nst_gantt_chart_show_date (NST_ROADMAP_PAGE (widget)->chart, &today);
}

static void
status_today_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  GDate today;

  nst_date_today (&today);
  nst_roadmap_page_set_status_date (self, &today);
  gtk_popover_popdown (self->status_popover);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  NstRoadmapItem *item = selected_item (self);

  if (item != NULL)
    open_editor (self, item);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  NstRoadmapItem *item = selected_item (self);
  NstRoadmapSection *section = section_of (self, item);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  UndoStep *step;

  if (section == NULL)
    return;
  step = undo_step_new (UNDO_REMOVE, item, section, nst_roadmap_item_get_position (item));
  if (!nst_store_remove_roadmap_item (self->store, section, item, &error))
    {
      undo_step_free (step);
      show_error (self, error);
      return;
    }
  rebuild (self);
  /* Translators: a toast, «Пункт удалён: „Формирование наставнических пар“» */
  message = g_strdup_printf (_("Item deleted: “%s”"), nst_roadmap_item_get_content (item));
  push_undo (self, step, message);
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  NstRoadmapItem *item = selected_item (self);
  NstRoadmapSection *section = section_of (self, item);
  gboolean up = g_str_equal (action_name, "roadmap.move-up");
  g_autoptr(GError) error = NULL;
  guint position;

  if (section == NULL)
    return;
  position = nst_roadmap_item_get_position (item);
  if ((up && position == 0) || (!up && position + 1 >= nst_roadmap_section_get_n_items (section)))
    return;
  if (!nst_store_move_roadmap_item (self->store, self->roadmap, item, section,
                                    up ? position - 1 : position + 1, &error))
    {
      show_error (self, error);
      return;
    }
  rebuild (self);
  nst_gantt_chart_select_item (self->chart, SOURCE_ROADMAP, nst_roadmap_item_get_id (item));
  push_undo (self, undo_step_new (UNDO_REORDER, item, section, position),
             up ? _("Moved up") : _("Moved down"));
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);

  if (!g_queue_is_empty (&self->undo))
    undo (self, g_queue_peek_head (&self->undo));
}

static void
load_template_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GDate today;
  guint year;

  if (self->store == NULL)
    return;
  nst_date_today (&today);
  year = nst_school_year_of (&today);
  roadmap = nst_store_add_roadmap_from_template (self->store, year, &error);
  if (roadmap == NULL)
    {
      show_error (self, error);
      return;
    }
  nst_roadmap_page_reload (self);
  /* Translators: «Дорожная карта загружена на 2025–2028 годы» */
  message = g_strdup_printf (_("The roadmap is loaded for %u–%u"), year, year + NST_ROADMAP_TEMPLATE_YEARS);
  show_toast (self, toast_new (message));
  gtk_widget_grab_focus (GTK_WIDGET (self->chart));
}

/* ---- export and print ---------------------------------------------------------------------------- */

static NstGanttLayout *
export_layout (NstRoadmapPage *self)
{
  NstGanttLayout *layout = layout_new (self);
  GDate first, last;

  /* Paper shows the whole roadmap, whatever the zoom on screen. */
  if (nst_roadmap_get_period (self->roadmap, &first, &last))
    nst_gantt_layout_set_range (layout, &first, &last);
  return layout;
}

static void
open_file_cb (AdwToast *toast,
              gpointer  user_data)
{
  const char *uri = user_data;
  GtkWidget *widget = g_object_get_data (G_OBJECT (toast), "nst-window");

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_show_uri (GTK_IS_WINDOW (widget) ? GTK_WINDOW (widget) : NULL, uri, GDK_CURRENT_TIME);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
say_saved (NstRoadmapPage *self,
           GFile          *file)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a toast, «Сохранено: Дорожная карта.pdf» */
  g_autofree char *title = g_strdup_printf (_("Saved: %s"), name);
  AdwToast *toast = toast_new (title);

  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data (G_OBJECT (toast), "nst-window", parent_window (self));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (open_file_cb), g_file_get_uri (file),
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  show_toast (self, toast);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    NstRoadmapPage  *self)
{
  const char *suffix = g_object_get_data (G_OBJECT (dialog), "nst-suffix");
  g_autoptr(GFile) chosen = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL &&
      (path = g_file_get_path (chosen)) != NULL)
    {
      lower = g_ascii_strdown (path, -1);
      if (!g_str_has_suffix (lower, suffix))
        {
          char *with_suffix = g_strconcat (path, suffix, NULL);

          g_free (path);
          path = with_suffix;
        }
      file = g_file_new_for_path (path);
      if (nst_roadmap_page_export (self, path, &error))
        say_saved (self, file);
      else
        show_error (self, error);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  gboolean png = g_str_equal (action_name, "roadmap.export-png");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *date = nst_date_format_ru (&self->status_date);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->roadmap == NULL)
    return;
  chooser = gtk_file_chooser_native_new (png ? _("Save the Chart as PNG") : _("Save the Chart as PDF"),
                                         parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, png ? _("PNG images") : _("PDF documents"));
  gtk_file_filter_add_suffix (filter, png ? "png" : "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: a file name, «Дорожная карта на 15.11.2025.pdf» */
  name = g_strdup_printf (_("Roadmap as of %s.%s"), date, png ? "png" : "pdf");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data (G_OBJECT (chooser), "nst-suffix", (gpointer) (png ? ".png" : ".pdf"));
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* What a print job draws: its own layout of the chart, cut into pages
 * once the printer's paper is known. */
typedef struct
{
  NstStore *store;          /* the layout asks it for quarters */
  NstGanttLayout *layout;
  NstGanttPageSpec spec;
  GArray *tiles;
  char *title;
} PrintJob;

static void
print_job_free (PrintJob *job)
{
  g_clear_pointer (&job->tiles, g_array_unref);
  g_clear_pointer (&job->layout, nst_gantt_layout_unref);
  g_clear_object (&job->store);
  g_free (job->title);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);

  /* The printer's margins are already outside the context. */
  nst_gantt_page_spec_init_a4 (&job->spec);
  job->spec.page_width = width;
  job->spec.page_height = height;
  job->spec.margin = 0;
  job->spec.view.width = width;
  job->spec.view.height = height;
  g_clear_pointer (&job->tiles, g_array_unref);
  job->tiles = nst_gantt_layout_paginate (job->layout, &job->spec, NULL, NULL);
  gtk_print_operation_set_n_pages (operation, MAX (job->tiles->len, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintJob          *job)
{
  NstGanttExportOptions options = { 0 };

  if (job->tiles == NULL || (guint) page >= job->tiles->len)
    return;
  options.title = job->title;
  options.pages = &job->spec;
  nst_gantt_render_page (gtk_print_context_get_cairo_context (context), job->layout, &job->spec,
                         &g_array_index (job->tiles, NstGanttTile, page), job->tiles->len, &options);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               NstRoadmapPage          *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        show_error (self, error);
    }
  g_object_unref (operation);
}

/* The whole roadmap on landscape A4 pages, as the PDF export tiles it. */
static GtkPrintOperation *
print_operation_new (NstRoadmapPage *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->store = g_object_ref (self->store);
  job->layout = export_layout (self);
  job->title = g_strdup (nst_roadmap_get_title (self->roadmap));
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->title);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  g_object_set_data_full (G_OBJECT (operation), "nst-job", job, (GDestroyNotify) print_job_free);
  return operation;
}

static void
print_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (widget);
  GtkPrintOperation *operation;

  if (self->roadmap == NULL)
    return;
  operation = print_operation_new (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* ::done comes in every case, errors too; it says what went wrong. */
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           parent_window (self), NULL);
}

/* ---- object -------------------------------------------------------------------------------------- */

static void
set_store (NstRoadmapPage *self,
           NstStore       *store)
{
  if (!g_set_object (&self->store, store))
    return;
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  nst_roadmap_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static void
add_list_shortcuts (NstRoadmapPage *self,
                    GtkWidget      *widget)
{
  static const guint keys[] = { GDK_KEY_Delete, GDK_KEY_KP_Delete };
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* On the chart and the table only: elsewhere Delete may mean the text. */
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (keys[i], 0),
                                                            gtk_named_action_new ("roadmap.delete")));
  gtk_widget_add_controller (widget, controller);
}

static void
nst_roadmap_page_dispose (GObject *object)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (object);

  clear_undo (self);
  g_clear_object (&self->undo_toast);
  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  /* The bin's child is a template child too: let the bin let go of it
   * first, so that it is not unparented twice. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_ROADMAP_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->input, nst_gantt_input_free);
  g_clear_pointer (&self->programmes, g_ptr_array_unref);
  g_clear_object (&self->roadmap);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nst_roadmap_page_parent_class)->dispose (object);
}

static void
nst_roadmap_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_roadmap_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NstRoadmapPage *self = NST_ROADMAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "roadmap.zoom-in", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.zoom-out", NULL, zoom_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.show-period", NULL, show_period_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.show-today", NULL, show_today_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.status-today", NULL, status_today_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.load-template", NULL, load_template_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.export-png", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.export-pdf", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "roadmap.print", NULL, print_action_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "roadmap.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "roadmap.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "roadmap.move-down", NULL);
}

static void
nst_roadmap_page_class_init (NstRoadmapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_roadmap_page_dispose;
  object_class->get_property = nst_roadmap_page_get_property;
  object_class->set_property = nst_roadmap_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NST_TYPE_GANTT_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/roadmap/nst-roadmap-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, chart);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, status_short_label);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, status_popover);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, status_calendar);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, programmes_toggle);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, programmes_icon_toggle);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, legend_squeezer);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, NstRoadmapPage, load_button);
  gtk_widget_class_bind_template_callback (widget_class, chart_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_move_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, chart_palette_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, programmes_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_month_shown_cb);
  install_actions (widget_class);
}

static const char *
nst_roadmap_page_get_add_tooltip (NstPage *page)
{
  return _("Add a roadmap item (Ctrl+N)");
}

static void
nst_roadmap_page_page_init (NstPageInterface *iface)
{
  iface->get_add_tooltip = nst_roadmap_page_get_add_tooltip;
  iface->add = (void (*) (NstPage *)) nst_roadmap_page_add_item;
  nst_roadmap_documents_page_init (iface);
}

static void
nst_roadmap_page_init (NstRoadmapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_queue_init (&self->undo);
  nst_date_today (&self->status_date);
  build_table (self);
  build_legend (self);
  g_object_bind_property (self->programmes_toggle, "active", self->programmes_icon_toggle, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  add_list_shortcuts (self, GTK_WIDGET (self->chart));
  add_list_shortcuts (self, GTK_WIDGET (self->column_view));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (table_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  update_status_label (self);
  rebuild (self);
}

/* ---- public ------------------------------------------------------------------------------------------ */

/* Loads the roadmap whose period holds today (or the nearest). */
void
nst_roadmap_page_reload (NstRoadmapPage *self)
{
  g_autoptr(NstRoadmap) roadmap = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NST_IS_ROADMAP_PAGE (self));

  if (self->store != NULL)
    {
      roadmap = nst_store_load_current_roadmap (self->store, NULL, &error);
      if (error != NULL)
        show_error (self, error);
      if (gtk_toggle_button_get_active (self->programmes_toggle))
        {
          g_clear_error (&error);
          if (!load_programmes (self, &error))
            show_error (self, error);
        }
    }
  set_roadmap (self, roadmap);
}

/* «+»: a new item after the selected one; without a roadmap, the way to
 * load one. */
void
nst_roadmap_page_add_item (NstRoadmapPage *self)
{
  g_return_if_fail (NST_IS_ROADMAP_PAGE (self));

  if (self->roadmap == NULL)
    {
      gtk_widget_grab_focus (self->load_button);
      return;
    }
  open_editor (self, NULL);
}

/**
 * nst_roadmap_page_get_roadmap:
 *
 * Returns: (transfer none) (nullable): the roadmap shown
 */
NstRoadmap *
nst_roadmap_page_get_roadmap (NstRoadmapPage *self)
{
  g_return_val_if_fail (NST_IS_ROADMAP_PAGE (self), NULL);
  return self->roadmap;
}

/**
 * nst_roadmap_page_get_chart:
 *
 * Returns: (transfer none): the Gantt chart
 */
NstGanttChart *
nst_roadmap_page_get_chart (NstRoadmapPage *self)
{
  g_return_val_if_fail (NST_IS_ROADMAP_PAGE (self), NULL);
  return self->chart;
}

/**
 * nst_roadmap_page_get_items:
 *
 * Returns: (transfer none): the table's items, in the roadmap's order
 */
GListModel *
nst_roadmap_page_get_items (NstRoadmapPage *self)
{
  g_return_val_if_fail (NST_IS_ROADMAP_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

/**
 * nst_roadmap_page_get_selected:
 *
 * Returns: (transfer none) (nullable): the item selected in the chart and
 *   the table
 */
NstRoadmapItem *
nst_roadmap_page_get_selected (NstRoadmapPage *self)
{
  g_return_val_if_fail (NST_IS_ROADMAP_PAGE (self), NULL);
  return selected_item (self);
}

void
nst_roadmap_page_select (NstRoadmapPage *self,
                         NstRoadmapItem *item)
{
  g_return_if_fail (NST_IS_ROADMAP_PAGE (self));

  if (item != NULL)
    nst_gantt_chart_select_item (self->chart, SOURCE_ROADMAP, nst_roadmap_item_get_id (item));
  else
    nst_gantt_chart_select_row (self->chart, -1);
}

/* The day the states are shown for; the chart draws a line there. */
void
nst_roadmap_page_set_status_date (NstRoadmapPage *self,
                                  const GDate    *status_date)
{
  g_return_if_fail (NST_IS_ROADMAP_PAGE (self));
  g_return_if_fail (g_date_valid (status_date));

  self->status_date = *status_date;
  update_status_label (self);
  nst_gantt_chart_set_status_date (self->chart, status_date);
  refresh_table (self);
  update_legend (self);
}

/**
 * nst_roadmap_page_print_to_file:
 * @path: a PDF file
 *
 * What «Печать…» sends to the printer, written by GTK's print operation
 * to a file instead: the same pages, without the dialog.
 */
gboolean
nst_roadmap_page_print_to_file (NstRoadmapPage  *self,
                                const char      *path,
                                GError         **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (NST_IS_ROADMAP_PAGE (self), FALSE);
  g_return_val_if_fail (self->roadmap != NULL, FALSE);

  operation = print_operation_new (self);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    parent_window (self), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}

/**
 * nst_roadmap_page_export:
 * @path: a .png or a .pdf file
 *
 * The whole roadmap as the chart shows it, as of the status date: what
 * «Экспорт» writes once a file is chosen.
 */
gboolean
nst_roadmap_page_export (NstRoadmapPage  *self,
                         const char      *path,
                         GError         **error)
{
  NstGanttExportOptions options = { 0 };
  NstGanttLayout *layout;
  gboolean ok;

  g_return_val_if_fail (NST_IS_ROADMAP_PAGE (self), FALSE);
  g_return_val_if_fail (self->roadmap != NULL, FALSE);

  layout = export_layout (self);
  options.title = nst_roadmap_get_title (self->roadmap);
  ok = nst_gantt_export (layout, path, &options, error);
  nst_gantt_layout_unref (layout);
  return ok;
}
