/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-registry"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "demo/nst-demo.h"
#include "widgets/nst-error-toast.h"
#include "nst-page.h"
#include "registry/nst-consents-dialog.h"
#include "registry/nst-participant-editor.h"
#include "registry/nst-registry-columns.h"
#include "registry/nst-registry-documents.h"
#include "registry/nst-registry-page.h"
#include "text/nst-ru-text.h"
#include "widgets/nst-listing.h"
#include "widgets/nst-status-badge.h"

/* The order of the items in the filter drop-downs of the .ui file. */
enum { CATEGORY_ANY = 0 };  /* then NstCategory + 1 */
enum { CONSENT_ANY, CONSENT_SOME_MISSING, CONSENT_NO_PROCESSING, CONSENT_NO_MENTOR, CONSENT_COMPLETE };
enum { ARCHIVE_CURRENT, ARCHIVE_ONLY, ARCHIVE_ALL };

struct _NstRegistryPage
{
  AdwBin parent_instance;

  NstStore *store;
  NstListing *listing;
  GCancellable *loading;     /* the first read, on a thread, or NULL */
  GListStore *arrived;       /* what it read, kept until the first frame */
  GError *arrived_error;
  gboolean painted;          /* the window has shown its first frame */

  GtkSearchEntry *search_entry;
  GtkDropDown *category_filter;
  GtkDropDown *consent_filter;
  GtkDropDown *archive_filter;
  GtkLabel *count_label;
  GtkStack *content_stack;
  GtkColumnView *column_view;
};

static void nst_registry_page_page_init (NstPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NstRegistryPage, nst_registry_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (NST_TYPE_PAGE, nst_registry_page_page_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Deleted participants and their consents, kept for «Отменить». */
typedef struct
{
  GWeakRef page;
  GPtrArray *deleted;    /* NstParticipant */
  GPtrArray *consents;   /* GPtrArray of NstConsent, one per deleted */
  GPtrArray *archived;   /* NstParticipant */
} Removal;

static void
removal_free (Removal *removal)
{
  g_weak_ref_clear (&removal->page);
  g_ptr_array_unref (removal->deleted);
  g_ptr_array_unref (removal->consents);
  g_ptr_array_unref (removal->archived);
  g_free (removal);
}

static void
removal_free_notify (gpointer  data,
                     GClosure *closure)
{
  removal_free (data);
}

static void
show_toast (NstRegistryPage *self,
            AdwToast *toast)
{
  nst_widget_show_toast (GTK_WIDGET (self), toast);
}

static void
show_error (NstRegistryPage *self,
            const GError    *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  show_toast (self, nst_error_toast_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         NULL, error));
}

/* ---- filtering --------------------------------------------------------- */

static gboolean
matches_consent_filter (NstRegistryPage *self,
                        NstParticipant  *p)
{
  NstConsentMissing missing = nst_participant_get_missing_consents (p);

  switch (gtk_drop_down_get_selected (self->consent_filter))
    {
    case CONSENT_SOME_MISSING: return missing != NST_CONSENT_MISSING_NONE;
    case CONSENT_NO_PROCESSING: return (missing & NST_CONSENT_MISSING_PROCESSING) != 0;
    case CONSENT_NO_MENTOR: return (missing & NST_CONSENT_MISSING_MENTOR) != 0;
    case CONSENT_COMPLETE: return missing == NST_CONSENT_MISSING_NONE;
    default: return TRUE;
    }
}

static gboolean
matches_archive_filter (NstRegistryPage *self,
                        NstParticipant  *p)
{
  switch (gtk_drop_down_get_selected (self->archive_filter))
    {
    case ARCHIVE_ONLY: return nst_participant_get_archived (p);
    case ARCHIVE_ALL: return TRUE;
    default: return !nst_participant_get_archived (p);
    }
}

/* The drop-downs; the listing does the search. */
static gboolean
filter_participant (gpointer item,
                    gpointer user_data)
{
  NstRegistryPage *self = user_data;
  NstParticipant *p = item;
  guint category = gtk_drop_down_get_selected (self->category_filter);

  if (category != CATEGORY_ANY && nst_participant_get_category (p) != category - 1)
    return FALSE;
  return matches_archive_filter (self, p) && matches_consent_filter (self, p);
}

static void
filters_changed_cb (NstRegistryPage *self)
{
  if (self->listing != NULL)
    nst_listing_refilter (self->listing);
}

/* ---- selection and items ----------------------------------------------- */

static GPtrArray *
selected_participants (NstRegistryPage *self)
{
  return nst_listing_dup_selected (self->listing);
}

static void
selection_changed_cb (NstRegistryPage *self)
{
  g_autoptr(GPtrArray) chosen = self->listing ? selected_participants (self) : NULL;
  gboolean any = chosen != NULL && chosen->len > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.edit", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.delete", any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "registry.mark-consents", any);
}

/* A change saved while the registry is still being read: the read may
 * have begun before it, so read again, at once. */
static void
put_participant (NstRegistryPage *self,
                 NstParticipant  *participant)
{
  if (self->loading != NULL)
    nst_registry_page_reload (self);
  else
    nst_listing_put (self->listing, participant);
}

static void
remove_participant (NstRegistryPage *self,
                    gint64           id)
{
  if (self->loading != NULL)
    nst_registry_page_reload (self);
  else
    nst_listing_remove (self->listing, id);
}

/* ---- editing ----------------------------------------------------------- */

static void
editor_saved_cb (NstRegistryPage *self,
                 NstParticipant  *participant)
{
  g_autofree char *name = nst_participant_dup_full_name (participant);
  g_autofree char *escaped = g_markup_escape_text (name, -1);  /* toast titles are markup */
  g_autofree char *text = g_strdup_printf (_("“%s” saved"), escaped);

  put_participant (self, participant);
  show_toast (self, adw_toast_new (text));
}

static void
open_editor (NstRegistryPage *self,
             NstParticipant  *participant)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  NstParticipantEditor *editor;

  if (self->store == NULL)
    return;
  editor = nst_participant_editor_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       self->store, participant);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
row_activated_cb (NstRegistryPage *self,
                  NstParticipant  *participant)
{
  open_editor (self, participant);
}

static void
edit_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (widget);
  g_autoptr(GPtrArray) chosen = selected_participants (self);

  if (chosen->len > 0)
    open_editor (self, g_ptr_array_index (chosen, 0));
}

/* ---- deleting ---------------------------------------------------------- */

static void
undo_removal_cb (AdwToast *toast,
                 Removal  *removal)
{
  g_autoptr(NstRegistryPage) self = g_weak_ref_get (&removal->page);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!nst_store_begin (self->store, &error))
    goto out;
  for (guint i = 0; i < removal->deleted->len; i++)
    if (!nst_store_insert_participant_with_id (self->store, g_ptr_array_index (removal->deleted, i),
                                               g_ptr_array_index (removal->consents, i), &error))
      goto out;
  for (guint i = 0; i < removal->archived->len; i++)
    if (!nst_store_set_participant_archived (self->store,
                                             nst_participant_get_id (g_ptr_array_index (removal->archived, i)),
                                             FALSE, &error))
      goto out;
  if (!nst_store_commit (self->store, &error))
    goto out;
  for (guint i = 0; i < removal->deleted->len; i++)
    put_participant (self, g_ptr_array_index (removal->deleted, i));
  for (guint i = 0; i < removal->archived->len; i++)
    {
      g_autoptr(NstParticipant) back = nst_participant_copy (g_ptr_array_index (removal->archived, i));

      nst_participant_set_archived (back, FALSE);
      put_participant (self, back);
    }

out:
  if (error != NULL)
    {
      nst_store_rollback (self->store);
      show_error (self, error);
    }
}

static char *
removal_message (Removal *removal)
{
  guint deleted = removal->deleted->len, archived = removal->archived->len;

  if (archived == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u participant deleted",
                                         "%u participants deleted", deleted), deleted);
  if (deleted == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u participant is in a pair and was moved to the archive",
                                         "%u participants are in pairs and were moved to the archive",
                                         archived), archived);
  return g_strdup_printf (_("Deleted: %u; moved to the archive, as they are in pairs: %u"),
                          deleted, archived);
}

/* Who is referenced by a pair or a record is archived; the rest deleted. */
static gboolean
remove_one (NstRegistryPage  *self,
            NstParticipant   *p,
            Removal          *removal,
            GError          **error)
{
  gint64 id = nst_participant_get_id (p);
  gboolean referenced = FALSE;
  g_autoptr(GPtrArray) consents = NULL;

  if (!nst_store_participant_is_referenced (self->store, id, &referenced, error))
    return FALSE;
  if (referenced)
    {
      g_ptr_array_add (removal->archived, g_object_ref (p));
      return nst_store_set_participant_archived (self->store, id, TRUE, error);
    }
  if ((consents = nst_store_list_consents (self->store, id, error)) == NULL)
    return FALSE;
  g_ptr_array_add (removal->deleted, g_object_ref (p));
  g_ptr_array_add (removal->consents, g_steal_pointer (&consents));
  return nst_store_delete_participant (self->store, id, error);
}

static void
apply_removal (NstRegistryPage *self,
               Removal         *removal)
{
  for (guint i = 0; i < removal->deleted->len; i++)
    remove_participant (self, nst_participant_get_id (g_ptr_array_index (removal->deleted, i)));
  for (guint i = 0; i < removal->archived->len; i++)
    {
      g_autoptr(NstParticipant) gone = nst_participant_copy (g_ptr_array_index (removal->archived, i));

      nst_participant_set_archived (gone, TRUE);
      put_participant (self, gone);
    }
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (widget);
  g_autoptr(GPtrArray) chosen = selected_participants (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Removal *removal;
  AdwToast *toast;

  if (chosen->len == 0 || !nst_store_begin (self->store, &error))
    goto out;
  removal = g_new0 (Removal, 1);
  g_weak_ref_init (&removal->page, self);
  removal->deleted = g_ptr_array_new_with_free_func (g_object_unref);
  removal->consents = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  removal->archived = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < chosen->len && error == NULL; i++)
    remove_one (self, g_ptr_array_index (chosen, i), removal, &error);
  if (error != NULL || !nst_store_commit (self->store, &error))
    {
      nst_store_rollback (self->store);
      removal_free (removal);
      goto out;
    }
  apply_removal (self, removal);
  message = removal_message (removal);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_removal_cb), removal,
                         removal_free_notify, 0);
  show_toast (self, toast);

out:
  if (error != NULL)
    show_error (self, error);
}

/* ---- consents received ---------------------------------------------------- */

typedef struct
{
  GWeakRef page;
  GPtrArray *chosen;            /* NstParticipant */
  NstConsentsMarking marking;   /* once done, for «Отменить» */
} Marking;

static void
marking_free (Marking *m)
{
  g_weak_ref_clear (&m->page);
  g_clear_pointer (&m->chosen, g_ptr_array_unref);
  nst_consents_marking_clear (&m->marking);
  g_free (m);
}

static void
marking_free_notify (gpointer  data,
                     GClosure *closure)
{
  marking_free (data);
}

static void
undo_marking_cb (AdwToast *toast,
                 Marking  *m)
{
  g_autoptr(NstRegistryPage) self = g_weak_ref_get (&m->page);
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  if (!nst_store_unmark_consents (self->store, &m->marking, &error))
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < m->marking.previous->len; i++)
    put_participant (self, g_ptr_array_index (m->marking.previous, i));
}

static char *
marking_message (NstConsentsMarking *marking)
{
  g_autofree char *done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u consent recorded",
                                                        "%u consents recorded", marking->consents),
                                           marking->consents);

  if (marking->left_out == 0)
    return g_steal_pointer (&done);
  /* Translators: after «N consents recorded»; the child's consent is signed
   * by a representative, and the mentor's only by a mentor */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u person can only sign some of them in the card",
                                       "%s; %u people can only sign some of them in their cards",
                                       marking->left_out), done, marking->left_out);
}

static void
consents_chosen_cb (guint       kinds,
                    const char *signed_on,
                    gpointer    user_data)
{
  Marking *m = user_data;
  g_autoptr(NstRegistryPage) self = g_weak_ref_get (&m->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  Marking *kept;
  AdwToast *toast;

  if (self == NULL)
    return;
  if (!nst_store_mark_consents (self->store, m->chosen, kinds, signed_on, &m->marking, &error))
    {
      show_error (self, error);
      return;
    }
  for (guint i = 0; i < m->marking.changed->len; i++)
    put_participant (self, g_ptr_array_index (m->marking.changed, i));
  /* The toast keeps what «Отменить» puts back; the dialog lets it go. */
  kept = g_new0 (Marking, 1);
  g_weak_ref_init (&kept->page, self);
  kept->marking = m->marking;
  m->marking = (NstConsentsMarking) { NULL };
  message = marking_message (&kept->marking);
  toast = adw_toast_new (message);
  if (kept->marking.consents > 0)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_marking_cb), kept, marking_free_notify, 0);
    }
  else
    marking_free (kept);
  show_toast (self, toast);
}

static void
mark_consents_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (widget);
  g_autoptr(GPtrArray) chosen = selected_participants (self);
  gboolean any_mentor = FALSE;
  Marking *m;

  if (chosen->len == 0)
    return;
  for (guint i = 0; i < chosen->len; i++)
    any_mentor |= nst_participant_get_is_mentor (g_ptr_array_index (chosen, i)) ||
                  (nst_participant_get_missing_consents (g_ptr_array_index (chosen, i)) & NST_CONSENT_MISSING_MENTOR);
  m = g_new0 (Marking, 1);
  g_weak_ref_init (&m->page, self);
  m->chosen = g_ptr_array_ref (chosen);
  nst_consents_dialog_present (nst_widget_get_window (widget), chosen->len, any_mentor,
                               consents_chosen_cb, m, (GDestroyNotify) marking_free);
}

static void
load_demo_action_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (widget);
  g_autoptr(GError) error = NULL;

  if (!nst_demo_fill (self->store, &error))
    {
      show_error (self, error);
      return;
    }
  nst_registry_page_reload (self);
  show_toast (self, adw_toast_new (_("The example school is loaded")));
}

/* ---- object ------------------------------------------------------------ */

static void
stop_loading (NstRegistryPage *self)
{
  g_clear_object (&self->arrived);
  g_clear_error (&self->arrived_error);
  if (self->loading == NULL)
    return;
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  nst_listing_set_loading (self->listing, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
finish_loading (NstRegistryPage *self)
{
  g_autoptr(GListStore) loaded = g_steal_pointer (&self->arrived);
  g_autoptr(GError) error = g_steal_pointer (&self->arrived_error);

  if (loaded != NULL)
    nst_listing_set_items (self->listing, G_LIST_MODEL (loaded));
  stop_loading (self);
  if (error != NULL)
    show_error (self, error);
}

/* Making 200 rows of cells takes longer than the whole window: they wait
 * for the window's first frame, which the read on its thread overlaps. */
static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(NstRegistryPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) loaded = nst_store_list_participants_finish (NST_STORE (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_set_object (&self->arrived, loaded);
  g_clear_error (&self->arrived_error);
  self->arrived_error = g_steal_pointer (&error);
  if (self->painted)
    finish_loading (self);
}

static gboolean
after_first_frame_cb (gpointer data)
{
  NstRegistryPage *self = data;

  self->painted = TRUE;
  if (self->arrived != NULL || self->arrived_error != NULL)
    finish_loading (self);
  return G_SOURCE_REMOVE;
}

/* Not in the paint itself: the frame must reach the screen (GDK sends it
 * to the X server when the main loop turns) before the rows are made. */
static void
first_paint_cb (GdkFrameClock   *clock,
                NstRegistryPage *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, after_first_frame_cb, g_object_ref (self), g_object_unref);
}

static void
nst_registry_page_map (GtkWidget *widget)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (widget);

  GTK_WIDGET_CLASS (nst_registry_page_parent_class)->map (widget);
  if (!self->painted)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_paint_cb), self, 0);
}

/* The registry of a large school is read on a thread: the window is up at
 * once, «Loading…» in the count line, and the rows come in one go. */
static void
start_loading (NstRegistryPage *self)
{
  stop_loading (self);
  self->loading = g_cancellable_new ();
  nst_listing_set_loading (self->listing, TRUE);
  nst_store_list_participants_async (self->store, self->loading, loaded_cb, g_object_ref (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
set_store (NstRegistryPage *self,
           NstStore        *store)
{
  if (!g_set_object (&self->store, store))
    return;
  if (store != NULL)
    start_loading (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

static gint64
participant_id (gpointer item)
{
  return nst_participant_get_id (item);
}

/* The name column's order: see NstListingSetup.presort. */
static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (nst_participant_get_sort_key (*(NstParticipant **) a),
                 nst_participant_get_sort_key (*(NstParticipant **) b));
}

static void
build_listing (NstRegistryPage *self)
{
  self->listing = nst_listing_new (&(NstListingSetup) {
    .item_type = NST_TYPE_PARTICIPANT,
    .column_view = self->column_view,
    .sort_column = nst_registry_columns_add (self->column_view),
    .search_entry = self->search_entry,
    .count_label = self->count_label,
    .content_stack = self->content_stack,
    .multiple = TRUE,
    .delete_action = "registry.delete",
    .get_id = participant_id,
    .presort = compare_names,
    .search_key = (NstSlotSearchKey) nst_participant_get_search_key,
    .match = filter_participant,
    .user_data = self,
  });
  g_signal_connect_object (self->listing, "selection-changed",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->listing, "activate", G_CALLBACK (row_activated_cb), self, G_CONNECT_SWAPPED);
}

static void
nst_registry_page_dispose (GObject *object)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (object);

  if (self->loading != NULL)
    g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->arrived);
  g_clear_error (&self->arrived_error);
  g_clear_object (&self->listing);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_REGISTRY_PAGE);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (nst_registry_page_parent_class)->dispose (object);
}

static void
nst_registry_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    case PROP_LOADING: g_value_set_boolean (value, self->loading != NULL); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_registry_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  NstRegistryPage *self = NST_REGISTRY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE: set_store (self, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_registry_page_class_init (NstRegistryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nst_registry_page_dispose;
  object_class->get_property = nst_registry_page_get_property;
  object_class->set_property = nst_registry_page_set_property;
  widget_class->map = nst_registry_page_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* Whether the registry is still being read at start. */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/registry/nst-registry-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, category_filter);
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, consent_filter);
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, archive_filter);
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, NstRegistryPage, column_view);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);

  gtk_widget_class_install_action (widget_class, "registry.edit", NULL, edit_action_cb);
  gtk_widget_class_install_action (widget_class, "registry.delete", NULL, delete_action_cb);
  gtk_widget_class_install_action (widget_class, "registry.mark-consents", NULL, mark_consents_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "registry.mark-consents", NULL);
  gtk_widget_class_install_action (widget_class, "registry.load-demo", NULL, load_demo_action_cb);
}

static const char *
nst_registry_page_get_add_tooltip (NstPage *page)
{
  return _("Add a participant (Ctrl+N)");
}

static void
nst_registry_page_page_init (NstPageInterface *iface)
{
  iface->get_add_tooltip = nst_registry_page_get_add_tooltip;
  iface->add = (void (*) (NstPage *)) nst_registry_page_add_participant;
  iface->focus_search = (void (*) (NstPage *)) nst_registry_page_focus_search;
  iface->get_visible = (GListModel * (*) (NstPage *)) nst_registry_page_get_visible;
  iface->dup_selected = (GPtrArray * (*) (NstPage *)) nst_registry_page_dup_selected;
  iface->reload = (void (*) (NstPage *)) nst_registry_page_reload;
  nst_registry_documents_page_init (iface);
}

static void
nst_registry_page_init (NstRegistryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_listing (self);
  nst_name_drop_down_button (self->category_filter, _("Filter by category"));
  nst_name_drop_down_button (self->consent_filter, _("Filter by consents"));
  nst_name_drop_down_button (self->archive_filter, _("Filter by archive"));
  selection_changed_cb (self);
}

void
nst_registry_page_reload (NstRegistryPage *self)
{
  g_autoptr(GListStore) loaded = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;
  stop_loading (self);
  loaded = nst_store_list_participants (self->store, &error);
  if (loaded == NULL)
    {
      show_error (self, error);
      return;
    }
  nst_listing_set_items (self->listing, G_LIST_MODEL (loaded));
}

gboolean
nst_registry_page_is_loading (NstRegistryPage *self)
{
  return self->loading != NULL;
}

void
nst_registry_page_add_participant (NstRegistryPage *self)
{
  open_editor (self, NULL);
}

void
nst_registry_page_focus_search (NstRegistryPage *self)
{
  nst_listing_focus_search (self->listing);
}

/**
 * nst_registry_page_get_visible:
 *
 * Returns: (transfer none): the participants shown, in their order
 */
GListModel *
nst_registry_page_get_visible (NstRegistryPage *self)
{
  return nst_listing_get_visible (self->listing);
}

/**
 * nst_registry_page_dup_selected:
 *
 * Returns: (transfer full) (element-type NstParticipant): the participants
 *   selected, perhaps none
 */
GPtrArray *
nst_registry_page_dup_selected (NstRegistryPage *self)
{
  return selected_participants (self);
}
