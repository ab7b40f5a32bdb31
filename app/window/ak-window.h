/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-application.h"

G_BEGIN_DECLS

#define AK_TYPE_WINDOW (ak_window_get_type ())
G_DECLARE_FINAL_TYPE (AkWindow, ak_window, AK, WINDOW, AdwApplicationWindow)

AkWindow *ak_window_new         (AkApplication *application);
void      ak_window_show_notice (AkWindow      *self,
                                 const char    *heading,
                                 const char    *body);

G_END_DECLS
