/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-progress-store.h"

G_BEGIN_DECLS

/* `akademie --verify-certificate FILE.pdf`: 0 valid, 1 not matching the
 * store, 2 unreadable or no certificate. */
int ak_verify_command_run (const char        *pdf_path,
                           AkProgressStore   *store,
                           const char *const *learner_names,
                           GListModel        *courses,
                           GOutputStream     *out,
                           GOutputStream     *err);

G_END_DECLS
