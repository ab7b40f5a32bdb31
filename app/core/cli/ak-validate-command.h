/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* `akademie --validate FILE…`: prints the problems of the course files and
 * returns the exit status, 0 when all of them are valid. */
int ak_validate_command_run       (const char *const *files,
                                   GInputStream      *in,
                                   GOutputStream     *out,
                                   GOutputStream     *err);
int ak_validate_command_run_stdio (const char *const *files,
                                   GInputStream      *in);

G_END_DECLS
