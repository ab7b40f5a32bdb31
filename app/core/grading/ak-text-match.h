/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ak_text_normalize (const char        *input,
                             gboolean           umlaut_spellings);
gboolean  ak_text_matches   (const char        *input,
                             const char *const *accepted,
                             gboolean           umlaut_spellings);
gboolean  ak_parse_decimal  (const char        *input,
                             const char        *unit,
                             double            *value,
                             guint             *n_decimals);

G_END_DECLS
