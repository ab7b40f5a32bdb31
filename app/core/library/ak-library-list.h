/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A GListModel backed by a GPtrArray of objects, brought to a new state
 * with as few #GListModel::items-changed as the change needs: an item
 * that stays is never removed and added again, so whatever shows it (an
 * expanded row, the keyboard focus) stays as it was.
 */

void ak_library_list_apply (GListModel *model,
                            GPtrArray  *items,
                            GPtrArray  *wanted);

#define AK_TYPE_LIBRARY_LIST (ak_library_list_get_type ())
G_DECLARE_FINAL_TYPE (AkLibraryList, ak_library_list, AK, LIBRARY_LIST, GObject)

AkLibraryList *ak_library_list_new    (GType          item_type);
void           ak_library_list_update (AkLibraryList *self,
                                       GPtrArray     *wanted);
GPtrArray     *ak_library_list_peek   (AkLibraryList *self);

G_END_DECLS
