/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Rows have room for a few lines: longer text from a course file would
 * only cost layout time on the main thread and show nothing more. */
#define AK_ROW_MAX_CHARS 300
/* A tooltip may show more, but not a whole file. */
#define AK_TOOLTIP_MAX_CHARS 1000

char *ak_display_text_shorten (const char *text,
                               gsize       max_chars);
char *ak_display_markup_bound (const char *markup,
                               const char *text,
                               gsize       max_chars);

G_END_DECLS
