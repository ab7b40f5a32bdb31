/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ak-context.h"
#include "ak-course-library.h"
#include "ak-progress-store.h"

G_BEGIN_DECLS

#define AK_TYPE_APPLICATION (ak_application_get_type ())
G_DECLARE_FINAL_TYPE (AkApplication, ak_application, AK, APPLICATION, AdwApplication)

AkApplication   *ak_application_new         (void);
AkCourseLibrary *ak_application_get_library (AkApplication *self);
AkProgressStore *ak_application_get_store   (AkApplication *self);
AkContext       *ak_application_get_context (AkApplication *self);

G_END_DECLS
