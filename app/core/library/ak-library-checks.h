/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ak-library-file.h"

G_BEGIN_DECLS

/*
 * Checks that need more than one course: a question that tests a thesis
 * of another course ("course:thesis"). Runs on the courses in memory
 * after every change, so that a reference follows the course it names.
 */

void ak_library_check_references (AkLibraryFile *file,
                                  GHashTable    *winners,
                                  GHashTable    *found);

G_END_DECLS
