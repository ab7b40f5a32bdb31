/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *bench_generate_course  (guint       course,
                              guint       n_questions);
char *bench_generate_library (const char *root,
                              guint       n_questions,
                              guint       per_file);
void  bench_remove_tree      (const char *path);

G_END_DECLS
