/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "nst-window"

#include "config.h"

#include <glib/gi18n.h>

#include "documents/nst-documents.h"
#include "nst-page.h"
#include "pairs/nst-pairs-page.h"
#include "programmes/nst-programmes-page.h"
#include "registry/nst-registry-page.h"
#include "roadmap/nst-roadmap-page.h"
#include "nst-school-dialog.h"
#include "nst-window.h"

struct _NstWindow
{
  AdwApplicationWindow parent_instance;

  NstStore *store;
  GSettings *settings;
  NstDocuments *documents;

  AdwToastOverlay *toast_overlay;
  AdwViewStack *stack;
  GtkWidget *add_button;
  GtkMenuButton *documents_button;
  /* Each tab's place in the stack; the tab itself is built the first time
   * it is shown (see ensure_tab), so a start builds only the one shown. */
  AdwBin *registry_bin;
  NstPage *shown_page;        /* weak: the tab shown last */
  /* The tab shown first is built once the window is on screen: the user
   * sees the window some 40 ms sooner, its tab a frame later. */
  gboolean first_tab_waits;
  gboolean restoring;         /* the tab last shown, chosen again at start */
  guint first_tab_source;
};

G_DEFINE_FINAL_TYPE (NstWindow, nst_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Running from the build tree without the schema installed must still work:
 * the window then simply does not remember its size. */
static GSettings *
settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("Schema %s is not installed; window state will not be kept", APP_ID);
      return NULL;
    }
  return g_settings_new (APP_ID);
}

static void
restore_state (NstWindow *self)
{
  g_autofree char *page = NULL;

  if (self->settings == NULL)
    return;
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  page = g_settings_get_string (self->settings, "last-page");
  if (adw_view_stack_get_child_by_name (self->stack, page) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, page);
}

static void
save_state (NstWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  g_settings_set_string (self->settings, "last-page",
                         adw_view_stack_get_visible_child_name (self->stack));
}

/* The tabs by the names of their places in the stack. */
static const struct
{
  const char *name;
  GType (*get_type) (void);
} tabs[] = {
  { "registry", nst_registry_page_get_type },
  { "pairs", nst_pairs_page_get_type },
  { "programmes", nst_programmes_page_get_type },
  { "roadmap", nst_roadmap_page_get_type },
};

/* Builds the tab in @bin if it is not built yet: a tab loads its data when
 * it gets the store, so a hidden tab costs nothing until it is shown. */
static GtkWidget *
ensure_tab (NstWindow *self,
            AdwBin    *bin)
{
  for (guint i = 0; i < G_N_ELEMENTS (tabs) && adw_bin_get_child (bin) == NULL; i++)
    if (adw_view_stack_get_child_by_name (self->stack, tabs[i].name) == GTK_WIDGET (bin))
      adw_bin_set_child (bin, g_object_new (tabs[i].get_type (), "store", self->store, NULL));
  return adw_bin_get_child (bin);
}

/* The tab shown, when it is one that works with the header bar; asked
 * for before the window's first frame, it is built now. */
static NstPage *
visible_page (NstWindow *self)
{
  GtkWidget *child;

  g_clear_handle_id (&self->first_tab_source, g_source_remove);
  self->first_tab_waits = FALSE;
  child = adw_view_stack_get_visible_child (self->stack);

  if (ADW_IS_BIN (child))
    child = ensure_tab (self, ADW_BIN (child));
  return NST_IS_PAGE (child) ? NST_PAGE (child) : NULL;
}

static void
documents_shown_cb (NstWindow *self)
{
  NstPage *page = visible_page (self);

  /* The selection may change while the menu is closed. */
  if (page != NULL)
    nst_page_update_actions (page);
}

/* The «Документы» menu is the visible tab's: its section, whose items
 * name its actions under "page.", then the journal's section. */
static void
update_documents_menu (NstWindow *self,
                       NstPage   *page)
{
  g_autoptr(GMenuModel) section = NULL;
  g_autoptr(GMenuModel) menu = NULL;
  GtkPopover *popover;

  if (self->documents == NULL)
    return;
  if (page != NULL)
    {
      nst_page_set_documents (page, self->documents);
      nst_page_update_actions (page);
      section = nst_page_dup_documents_menu (page);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "page", page ? nst_page_get_actions (page) : NULL);
  menu = nst_documents_build_menu (self->documents, section);
  gtk_menu_button_set_menu_model (self->documents_button, menu);
  popover = gtk_menu_button_get_popover (self->documents_button);
  if (popover != NULL)
    g_signal_connect_object (popover, "show", G_CALLBACK (documents_shown_cb), self, G_CONNECT_SWAPPED);
}

/* A tab keeps itself up to date with what it does, not with what the
 * other tabs do (consents marked from a pair's form, pairs made from the
 * registry): it catches up when it is shown again (nst_page_catch_up). */
static void
catch_up_with_other_tabs (NstWindow *self,
                          NstPage   *page)
{
  if (self->shown_page == page)
    return;
  if (self->shown_page != NULL)
    {
      nst_page_mark_seen (self->shown_page);
      g_object_remove_weak_pointer (G_OBJECT (self->shown_page), (gpointer *) &self->shown_page);
    }
  self->shown_page = page;
  if (page == NULL)
    return;
  g_object_add_weak_pointer (G_OBJECT (page), (gpointer *) &self->shown_page);
  nst_page_catch_up (page);
}

static void
visible_page_changed_cb (NstWindow *self)
{
  NstPage *page = self->first_tab_waits ? NULL : visible_page (self);
  const char *tooltip = page ? nst_page_get_add_tooltip (page) : NULL;

  if (self->store != NULL)
    catch_up_with_other_tabs (self, page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add", tooltip != NULL);
  gtk_widget_set_tooltip_text (self->add_button, tooltip);
  update_documents_menu (self, page);
}

/* A tab chosen by the user is built at once, even before the first frame. */
static void
stack_child_changed_cb (NstWindow *self)
{
  if (!self->restoring)
    {
      g_clear_handle_id (&self->first_tab_source, g_source_remove);
      self->first_tab_waits = FALSE;
    }
  visible_page_changed_cb (self);
}

static gboolean
build_first_tab_cb (gpointer data)
{
  NstWindow *self = data;

  self->first_tab_source = 0;
  self->first_tab_waits = FALSE;
  visible_page_changed_cb (self);
  return G_SOURCE_REMOVE;
}

/* In an idle, so after the frame GTK draws once the window is mapped. */
static void
mapped_cb (NstWindow *self)
{
  if (self->first_tab_waits && self->first_tab_source == 0)
    self->first_tab_source = g_idle_add (build_first_tab_cb, self);
}

static void
add_action_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  NstPage *page = visible_page (NST_WINDOW (widget));

  if (page != NULL)
    nst_page_add (page);
}

static void
search_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NstWindow *self = NST_WINDOW (widget);
  NstPage *page = visible_page (self);

  /* A tab without a search sends Ctrl+F to the registry's. */
  if (page == NULL)
    {
      adw_view_stack_set_visible_child_name (self->stack, "registry");
      page = visible_page (self);
    }
  nst_page_focus_search (page);
}

static void
reload_registry_action_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  nst_window_reload_registry (NST_WINDOW (widget));
}

static void
school_saved_cb (NstWindow *self)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("School details saved")));
  /* The document that sent the user here follows. */
  if (self->documents != NULL)
    nst_documents_school_saved (self->documents);
}

static void
school_dialog_closed_cb (NstWindow *self)
{
  if (self->documents != NULL)
    nst_documents_school_dialog_closed (self->documents);
}

static gboolean
nst_window_close_request (GtkWindow *window)
{
  save_state (NST_WINDOW (window));
  return GTK_WINDOW_CLASS (nst_window_parent_class)->close_request (window);
}

static void
nst_window_constructed (GObject *object)
{
  NstWindow *self = NST_WINDOW (object);

  G_OBJECT_CLASS (nst_window_parent_class)->constructed (object);
  self->documents = nst_documents_new (GTK_WINDOW (self), self->store, self->toast_overlay);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "docs", nst_documents_get_actions (self->documents));
  self->first_tab_waits = TRUE;
  self->restoring = TRUE;
  restore_state (self);
  self->restoring = FALSE;
  visible_page_changed_cb (self);
}

static void
nst_window_dispose (GObject *object)
{
  NstWindow *self = NST_WINDOW (object);

  if (self->shown_page != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->shown_page), (gpointer *) &self->shown_page);
  self->shown_page = NULL;
  g_clear_handle_id (&self->first_tab_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NST_TYPE_WINDOW);
  g_clear_object (&self->documents);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (nst_window_parent_class)->dispose (object);
}

static void
nst_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  NstWindow *self = NST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_value_set_object (value, self->store); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  NstWindow *self = NST_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE: g_set_object (&self->store, g_value_get_object (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nst_window_class_init (NstWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = nst_window_constructed;
  object_class->dispose = nst_window_dispose;
  object_class->get_property = nst_window_get_property;
  object_class->set_property = nst_window_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = nst_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, NST_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/nastavnik/Nastavnik/nst-window.ui");
  gtk_widget_class_bind_template_child (widget_class, NstWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NstWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, NstWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, NstWindow, documents_button);
  gtk_widget_class_bind_template_child (widget_class, NstWindow, registry_bin);

  gtk_widget_class_install_action (widget_class, "win.add", NULL, add_action_cb);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action_cb);
  /* For a tab whose changes show in the registry (a pair's mentor needs
   * the mentor's consent): by name, so that the tab need not know it. */
  gtk_widget_class_install_action (widget_class, "win.reload-registry", NULL, reload_registry_action_cb);
}

static void
nst_window_init (NstWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = settings_if_installed ();
  g_signal_connect_object (self->stack, "notify::visible-child",
                           G_CALLBACK (stack_child_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "map", G_CALLBACK (mapped_cb), NULL);
}

NstWindow *
nst_window_new (NstApplication *application,
                NstStore       *store)
{
  return g_object_new (NST_TYPE_WINDOW, "application", application, "store", store, NULL);
}

NstStore *
nst_window_get_store (NstWindow *self)
{
  return self->store;
}

void
nst_window_show_school_dialog (NstWindow *self)
{
  NstSchoolDialog *dialog = nst_school_dialog_new (GTK_WINDOW (self), self->store);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (school_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (school_dialog_closed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
nst_window_add_toast (NstWindow *self,
                      AdwToast  *toast)
{
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
nst_window_reload_registry (NstWindow *self)
{
  GtkWidget *registry = adw_bin_get_child (self->registry_bin);

  /* A registry not built yet reads the database when it is. */
  if (registry != NULL)
    nst_page_reload (NST_PAGE (registry));
}

/**
 * nst_window_get_visible_page:
 *
 * Returns: (transfer none) (nullable): the tab shown, when it is one that
 *   works with the header bar
 */
NstPage *
nst_window_get_visible_page (NstWindow *self)
{
  return visible_page (self);
}

/**
 * nst_window_get_documents:
 *
 * Returns: (transfer none): what prints the tabs' documents
 */
NstDocuments *
nst_window_get_documents (NstWindow *self)
{
  return self->documents;
}
