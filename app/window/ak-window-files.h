/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-window.h"

G_BEGIN_DECLS

void     ak_window_files_attach          (AkWindow *window);
void     ak_window_files_remember_course (AkWindow *window);
gboolean ak_window_files_check_course    (AkWindow *window);
gboolean ak_window_files_check_figures   (AkWindow *window);

G_END_DECLS
