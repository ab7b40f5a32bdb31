/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-diagnostic.h"

G_BEGIN_DECLS

#define AK_TYPE_PROBLEM_ROW (ak_problem_row_get_type ())
G_DECLARE_FINAL_TYPE (AkProblemRow, ak_problem_row, AK, PROBLEM_ROW, AdwExpanderRow)

AkProblemRow *ak_problem_row_new (const char *path,
                                  GPtrArray  *diagnostics);

G_END_DECLS
