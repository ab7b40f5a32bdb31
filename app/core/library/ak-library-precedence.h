/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-library-file.h"

G_BEGIN_DECLS

/*
 * Which file provides a course id when several declare it: the one that
 * comes first on the search path. Works on what was read, never on disk,
 * so it is cheap to decide again after any change.
 */

GHashTable *ak_library_precedence_resolve (GPtrArray  *files,
                                           GHashTable *found);

void        ak_library_report             (GHashTable    *found,
                                           AkLibraryFile *file,
                                           gconstpointer  part,
                                           AkSeverity     severity,
                                           const char    *format,
                                           ...) G_GNUC_PRINTF (5, 6);

G_END_DECLS
