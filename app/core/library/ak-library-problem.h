/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ak-diagnostic.h"

G_BEGIN_DECLS

/*
 * A file with problems, as one item of ak_course_library_get_problems().
 * Its diagnostics never change: when a file's problems change, the list
 * holds a new item, so an item that stays (and the row that shows it)
 * can keep its state.
 */

#define AK_TYPE_LIBRARY_PROBLEM (ak_library_problem_get_type ())
G_DECLARE_FINAL_TYPE (AkLibraryProblem, ak_library_problem, AK, LIBRARY_PROBLEM, GObject)

AkLibraryProblem *ak_library_problem_new             (const char       *path,
                                                      GPtrArray        *diagnostics);
const char       *ak_library_problem_get_path        (AkLibraryProblem *self);
GPtrArray        *ak_library_problem_get_diagnostics (AkLibraryProblem *self);
gboolean          ak_library_problem_has_errors      (AkLibraryProblem *self);

G_END_DECLS
