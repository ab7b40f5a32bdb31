/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ak-clock.h"
#include "ak-course-library.h"
#include "ak-progress-store.h"
#include "ak-review-queue.h"

G_BEGIN_DECLS

/*
 * What every page needs and nobody should look up globally: the course
 * library, the learner's progress store, the settings and the clock. The
 * application makes one and hands it to the window and its pages; tests
 * make their own with a temporary store and a fake clock.
 */

#define AK_TYPE_CONTEXT (ak_context_get_type ())
G_DECLARE_FINAL_TYPE (AkContext, ak_context, AK, CONTEXT, GObject)

AkContext       *ak_context_new          (AkCourseLibrary *library,
                                          AkProgressStore *store,
                                          GSettings       *settings,
                                          AkClock         *clock);
AkCourseLibrary *ak_context_get_library  (AkContext       *self);
AkProgressStore *ak_context_get_store    (AkContext       *self);
GSettings       *ak_context_get_settings (AkContext       *self);
AkClock         *ak_context_get_clock    (AkContext       *self);
AkCourse        *ak_context_lookup_course (AkContext      *self,
                                           const char     *course_id);
AkReviewQueue   *ak_context_get_review_queue (AkContext   *self);

G_END_DECLS
