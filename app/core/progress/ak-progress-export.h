/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-progress-store.h"

G_BEGIN_DECLS

int ak_export_progress_command_run (const char      *csv_path,
                                    AkProgressStore *store,
                                    GListModel      *courses,
                                    GOutputStream   *out,
                                    GOutputStream   *err);

G_END_DECLS
