/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-preferences-window.h"

struct _AkPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GtkAdjustment *daily_limit;
  GtkSwitch     *notifications_switch;
  AdwEntryRow   *name_row;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (AkPreferencesWindow, ak_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
ak_preferences_window_dispose (GObject *object)
{
  AkPreferencesWindow *self = AK_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ak_preferences_window_parent_class)->dispose (object);
}

static void
ak_preferences_window_class_init (AkPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ak_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ui/ak-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AkPreferencesWindow, daily_limit);
  gtk_widget_class_bind_template_child (widget_class, AkPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, AkPreferencesWindow, name_row);
}

static void
ak_preferences_window_init (AkPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * ak_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @settings: the application's settings
 */
GtkWidget *
ak_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  AkPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (AK_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "review-daily-limit", self->daily_limit, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "review-notifications", self->notifications_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  /* Spaces around it are trimmed where the certificate prints it. */
  g_settings_bind (settings, "learner-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  return GTK_WIDGET (self);
}
