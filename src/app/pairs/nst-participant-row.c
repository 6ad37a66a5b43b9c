/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-participant-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pairs/nst-participant-row.h"
#include "text/nst-ru-text.h"

/* A school has hundreds of people: a list longer than this is no help. */
#define MAX_MATCHES 40

struct _NstParticipantRow
{
  AdwEntryRow parent_instance;

  GListModel *participants;
  GHashTable *excluded;     /* gint64 ids, not shown */
  NstParticipantRowPrefer prefer;
  GPtrArray *matches;       /* NstParticipant, as the list shows them */
  gboolean quiet;           /* the program sets the text */
  char *quiet_text;         /* what it set: a name picked, not a search */
  guint hide_source;

  GtkWidget *popover;
  GtkWidget *scrolled;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (NstParticipantRow, nst_participant_row, ADW_TYPE_ENTRY_ROW)

enum {
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ---- matching ---------------------------------------------------------- */

static gboolean
preferred (NstParticipantRow *self,
           NstParticipant    *p)
{
  switch (self->prefer)
    {
    case NST_PARTICIPANT_ROW_MENTOR: return nst_participant_get_is_mentor (p);
    case NST_PARTICIPANT_ROW_MENTEE: return nst_participant_get_is_mentee (p);
    case NST_PARTICIPANT_ROW_ANY:
    default: return TRUE;
    }
}

/* How well a participant answers what was typed, best first: the surname
 * begins with it (what a curator types: «Нови» is Новиков), a word of the
 * name begins with it, or it is only found inside (a patronymic such as
 * «Иванович» holds «нови», a post or a class may hold it too). */
typedef enum
{
  MATCH_SURNAME_PREFIX,
  MATCH_WORD_PREFIX,
  MATCH_INSIDE,
} MatchRank;

typedef struct
{
  NstParticipant *participant;  /* owned */
  MatchRank rank;
  gboolean preferred;
} Match;

static gboolean
is_word_prefix (const char  *folded_name,
                const char  *word)
{
  gsize len = strlen (word);

  for (const char *p = folded_name; p != NULL && *p != '\0';)
    {
      if (strncmp (p, word, len) == 0)
        return TRUE;
      p = strpbrk (p, " -");
      if (p != NULL)
        p++;
    }
  return FALSE;
}

static MatchRank
rank_match (NstParticipant *p,
            char          **words)
{
  g_autofree char *surname = nst_ru_fold (nst_participant_get_surname (p));
  g_autofree char *full = NULL;
  g_autofree char *name = NULL;

  if (g_str_has_prefix (surname, words[0]))
    return MATCH_SURNAME_PREFIX;
  full = nst_participant_dup_full_name (p);
  name = nst_ru_fold (full);
  for (guint i = 0; words[i] != NULL; i++)
    if (!is_word_prefix (name, words[i]))
      return MATCH_INSIDE;
  return MATCH_WORD_PREFIX;
}

/* The rank first; within it the people the field is for (mentors for the
 * mentor), then the Russian alphabet. */
static int
compare_matches (gconstpointer a,
                 gconstpointer b)
{
  const Match *x = a;
  const Match *y = b;

  if (x->rank != y->rank)
    return x->rank < y->rank ? -1 : 1;
  if (x->preferred != y->preferred)
    return x->preferred ? -1 : 1;
  return strcmp (nst_participant_get_sort_key (x->participant), nst_participant_get_sort_key (y->participant));
}

static gboolean
matches_words (NstParticipant *p,
               char          **words)
{
  const char *key = nst_participant_get_search_key (p);

  for (guint i = 0; words[i] != NULL; i++)
    if (!nst_ru_fold_contains (key, words[i]))
      return FALSE;
  return TRUE;
}

static void
clear_match (Match *m)
{
  g_clear_object (&m->participant);
}

static void
find_matches (NstParticipantRow *self,
              const char        *text)
{
  g_auto(GStrv) words = nst_ru_search_words (text);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Match));
  guint n = self->participants ? g_list_model_get_n_items (self->participants) : 0;

  g_array_set_clear_func (found, (GDestroyNotify) clear_match);
  g_ptr_array_set_size (self->matches, 0);
  if (words == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NstParticipant) p = g_list_model_get_item (self->participants, i);
      gint64 id = nst_participant_get_id (p);
      Match m;

      if (nst_participant_get_archived (p) ||
          (self->excluded != NULL && g_hash_table_contains (self->excluded, &id)) ||
          !matches_words (p, words))
        continue;
      m.rank = rank_match (p, words);
      m.preferred = preferred (self, p);
      m.participant = g_steal_pointer (&p);
      g_array_append_val (found, m);
    }
  g_array_sort (found, compare_matches);
  for (guint i = 0; i < MIN (found->len, MAX_MATCHES); i++)
    g_ptr_array_add (self->matches, g_object_ref (g_array_index (found, Match, i).participant));
}

/* ---- the list ---------------------------------------------------------- */

static char *
describe (NstParticipant *p)
{
  g_autoptr(GString) text = g_string_new (nst_category_label (nst_participant_get_category (p)));
  const char *post = nst_participant_get_post_or_class (p);

  if (*post != '\0')
    g_string_append_printf (text, ", %s", post);
  if (nst_participant_get_is_mentor (p))
    g_string_append_printf (text, " · %s", _("mentor"));
  if (nst_participant_get_is_mentee (p))
    g_string_append_printf (text, " · %s", _("mentee"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
match_row_new (NstParticipant *p)
{
  g_autofree char *name = nst_participant_dup_full_name (p);
  g_autofree char *caption = describe (p);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (name);
  GtkWidget *subtitle = gtk_label_new (caption);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A click must not take the focus from the entry. */
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static GtkWidget *
nothing_row_new (void)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (_("Nobody in the registry has this name"));

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  return row;
}

static void
fill_list (NstParticipantRow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->matches->len; i++)
    gtk_list_box_append (self->list, match_row_new (g_ptr_array_index (self->matches, i)));
  if (self->matches->len == 0)
    gtk_list_box_append (self->list, nothing_row_new ());
  else
    gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

static void
cancel_hide (NstParticipantRow *self)
{
  g_clear_handle_id (&self->hide_source, g_source_remove);
}

static void
hide_list (NstParticipantRow *self)
{
  cancel_hide (self);
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

static void
refresh (NstParticipantRow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (*trimmed == '\0')
    {
      g_ptr_array_set_size (self->matches, 0);
      hide_list (self);
      return;
    }
  find_matches (self, trimmed);
  fill_list (self);
  /* As wide as the row, so that the list reads as the row's own. */
  gtk_widget_set_size_request (self->scrolled, MAX (gtk_widget_get_width (GTK_WIDGET (self)) - 24, 280), -1);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_popover_popup (GTK_POPOVER (self->popover));
}

/* Keeps the chosen row in sight while the arrows move through the list. */
static void
scroll_to_row (NstParticipantRow *self,
               GtkWidget         *row)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
  graphene_rect_t bounds;
  double top, page;

  if (!gtk_widget_compute_bounds (row, GTK_WIDGET (self->list), &bounds))
    return;
  top = gtk_adjustment_get_value (adj);
  page = gtk_adjustment_get_page_size (adj);
  if (bounds.origin.y < top)
    gtk_adjustment_set_value (adj, bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > top + page)
    gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
}

static void
move_selection (NstParticipantRow *self,
                int                step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row ? gtk_list_box_row_get_index (row) + step : 0;
  GtkListBoxRow *next;

  if (self->matches->len == 0)
    return;
  index = CLAMP (index, 0, (int) self->matches->len - 1);
  next = gtk_list_box_get_row_at_index (self->list, index);
  gtk_list_box_select_row (self->list, next);
  scroll_to_row (self, GTK_WIDGET (next));
}

/* ---- callbacks --------------------------------------------------------- */

static void
changed_cb (NstParticipantRow *self)
{
  if (!self->quiet && self->matches != NULL)
    refresh (self);
}

static void
entry_activated_cb (NstParticipantRow *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);

  /* The list follows the text: what it selects is what Enter takes. */
  if (row != NULL && self->matches->len > 0)
    nst_participant_row_pick (self, gtk_list_box_row_get_index (row));
}

static void
row_activated_cb (NstParticipantRow *self,
                  GtkListBoxRow     *row)
{
  nst_participant_row_pick (self, gtk_list_box_row_get_index (row));
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                NstParticipantRow     *self)
{
  gboolean shown = gtk_widget_get_visible (self->popover);

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (shown)
        move_selection (self, 1);
      else if (*gtk_editable_get_text (GTK_EDITABLE (self)) != '\0' &&
               g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), self->quiet_text) != 0)
        refresh (self);
      else
        return GDK_EVENT_PROPAGATE;  /* nothing to look up: Down goes to the next row */
      return GDK_EVENT_STOP;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (!shown)
        return GDK_EVENT_PROPAGATE;
      move_selection (self, -1);
      return GDK_EVENT_STOP;
    case GDK_KEY_Escape:
      if (!shown)
        return GDK_EVENT_PROPAGATE;
      /* Put away: Enter must not take a name no longer shown. */
      hide_list (self);
      gtk_list_box_unselect_all (self->list);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
hide_later_cb (gpointer data)
{
  NstParticipantRow *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  self->hide_source = 0;
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self)))
    hide_list (self);
  return G_SOURCE_REMOVE;
}

/* Not at once: a click in the list may be under way. */
static void
focus_leave_cb (NstParticipantRow *self)
{
  cancel_hide (self);
  self->hide_source = g_timeout_add (250, hide_later_cb, self);
}

/* ---- object ------------------------------------------------------------ */

static void
nst_participant_row_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  NstParticipantRow *self = NST_PARTICIPANT_ROW (widget);

  GTK_WIDGET_CLASS (nst_participant_row_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
nst_participant_row_unmap (GtkWidget *widget)
{
  hide_list (NST_PARTICIPANT_ROW (widget));
  GTK_WIDGET_CLASS (nst_participant_row_parent_class)->unmap (widget);
}

static void
nst_participant_row_dispose (GObject *object)
{
  NstParticipantRow *self = NST_PARTICIPANT_ROW (object);

  cancel_hide (self);
  g_clear_pointer (&self->popover, gtk_widget_unparent);
  g_clear_object (&self->participants);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  g_clear_pointer (&self->matches, g_ptr_array_unref);
  g_clear_pointer (&self->quiet_text, g_free);
  G_OBJECT_CLASS (nst_participant_row_parent_class)->dispose (object);
}

static void
nst_participant_row_class_init (NstParticipantRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_participant_row_dispose;
  widget_class->size_allocate = nst_participant_row_size_allocate;
  widget_class->unmap = nst_participant_row_unmap;

  /**
   * NstParticipantRow::picked:
   * @participant: the participant taken from the list
   */
  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, NST_TYPE_PARTICIPANT);
}

static void
build_popover (NstParticipantRow *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Participants found"), -1);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);

  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (self->scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (self->scrolled), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list));

  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_popover_set_child (GTK_POPOVER (self->popover), self->scrolled);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (self));
}

static void
nst_participant_row_init (NstParticipantRow *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->matches = g_ptr_array_new_with_free_func (g_object_unref);
  build_popover (self);
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
  g_signal_connect (self, "changed", G_CALLBACK (changed_cb), NULL);
  g_signal_connect (self, "entry-activated", G_CALLBACK (entry_activated_cb), NULL);
}

GtkWidget *
nst_participant_row_new (void)
{
  return g_object_new (NST_TYPE_PARTICIPANT_ROW, NULL);
}

/**
 * nst_participant_row_set_participants:
 * @participants: (nullable): a #GListModel of #NstParticipant to find in
 */
void
nst_participant_row_set_participants (NstParticipantRow *self,
                                      GListModel        *participants)
{
  g_return_if_fail (NST_IS_PARTICIPANT_ROW (self));

  g_set_object (&self->participants, participants);
}

void
nst_participant_row_set_prefer (NstParticipantRow       *self,
                                NstParticipantRowPrefer  prefer)
{
  g_return_if_fail (NST_IS_PARTICIPANT_ROW (self));

  self->prefer = prefer;
}

/**
 * nst_participant_row_set_excluded:
 * @ids: (nullable): a set of gint64 ids (g_int64_hash) not to offer,
 *   such as the people already in the pair; the row keeps a reference
 */
void
nst_participant_row_set_excluded (NstParticipantRow *self,
                                  GHashTable        *ids)
{
  g_return_if_fail (NST_IS_PARTICIPANT_ROW (self));

  if (ids != NULL)
    g_hash_table_ref (ids);
  g_clear_pointer (&self->excluded, g_hash_table_unref);
  self->excluded = ids;
}

/* Sets the text without looking anyone up. */
void
nst_participant_row_set_text_quietly (NstParticipantRow *self,
                                      const char        *text)
{
  g_return_if_fail (NST_IS_PARTICIPANT_ROW (self));

  self->quiet = TRUE;
  g_free (self->quiet_text);
  self->quiet_text = g_strdup (text ? text : "");
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->quiet = FALSE;
  hide_list (self);
  /* What was found was for the text before: Enter in the field now (the
   * mentee's, emptied once one is taken) must not take it again. */
  g_ptr_array_set_size (self->matches, 0);
  gtk_list_box_unselect_all (self->list);
}

/**
 * nst_participant_row_get_match:
 * @index: a match, in the order the list shows them
 *
 * Returns: (transfer none) (nullable): the participant shown there
 */
NstParticipant *
nst_participant_row_get_match (NstParticipantRow *self,
                               guint              index)
{
  g_return_val_if_fail (NST_IS_PARTICIPANT_ROW (self), NULL);

  return index < self->matches->len ? g_ptr_array_index (self->matches, index) : NULL;
}

guint
nst_participant_row_get_n_matches (NstParticipantRow *self)
{
  g_return_val_if_fail (NST_IS_PARTICIPANT_ROW (self), 0);

  return self->matches->len;
}

/**
 * nst_participant_row_pick:
 * @index: a match, in the order the list shows them
 *
 * Takes the match as a click would.
 *
 * Returns: whether there was such a match
 */
gboolean
nst_participant_row_pick (NstParticipantRow *self,
                          guint              index)
{
  g_autoptr(NstParticipant) picked = NULL;

  g_return_val_if_fail (NST_IS_PARTICIPANT_ROW (self), FALSE);

  if (index >= self->matches->len)
    return FALSE;
  picked = g_object_ref (g_ptr_array_index (self->matches, index));
  hide_list (self);
  g_signal_emit (self, signals[PICKED], 0, picked);
  return TRUE;
}
