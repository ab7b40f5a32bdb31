/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-application.h"
#include "ak-context.h"

G_BEGIN_DECLS

#define AK_TYPE_WINDOW (ak_window_get_type ())
G_DECLARE_FINAL_TYPE (AkWindow, ak_window, AK, WINDOW, AdwApplicationWindow)

AkWindow *ak_window_new         (AkApplication *application);
void      ak_window_show_notice (AkWindow      *self,
                                 const char    *heading,
                                 const char    *body);
void      ak_window_show_page   (AkWindow      *self,
                                 GtkWidget     *page,
                                 const char    *title);
void      ak_window_open        (AkWindow      *self,
                                 const char    *course_id,
                                 const char    *lesson_id,
                                 const char    *quiz_id);
void      ak_window_open_section (AkWindow     *self,
                                  const char   *course_id,
                                  const char   *lesson_id,
                                  const char   *section_id);
void      ak_window_open_file   (AkWindow      *self,
                                 const char    *path);
AkCourse *ak_window_get_course  (AkWindow      *self);
void      ak_window_add_toast   (AkWindow      *self,
                                 AdwToast      *toast);

G_END_DECLS
