/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/*
 * The learner's preferences, each bound to its GSettings key so that a
 * change applies at once: the daily review's limit and reminder, and the
 * name printed on certificates.
 */

#define AK_TYPE_PREFERENCES_WINDOW (ak_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (AkPreferencesWindow, ak_preferences_window, AK, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *ak_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);

G_END_DECLS
