/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Watching the search path: the folders, the files given one by one, and
 * the files that links in a folder point to. Tells which course file
 * changed, or %NULL when it cannot say (a folder appeared, say).
 */

typedef void (*AkLibraryWatchFunc) (const char *path,
                                    gpointer    user_data);

typedef struct _AkLibraryWatch AkLibraryWatch;

AkLibraryWatch *ak_library_watch_new          (AkLibraryWatchFunc  func,
                                               gpointer            user_data);
void            ak_library_watch_free         (AkLibraryWatch     *self);
void            ak_library_watch_add          (AkLibraryWatch     *self,
                                               const char         *path,
                                               gboolean            is_directory);
void            ak_library_watch_follow_links (AkLibraryWatch     *self,
                                               const char *const  *paths,
                                               guint               n_paths);

G_END_DECLS
