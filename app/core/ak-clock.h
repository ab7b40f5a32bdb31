/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * Where the core gets the time from. The application uses the system
 * clock; tests hand in a fake one and move it on by hand, so that what
 * depends on time (time spent reading or answering, dates in the
 * progress store) is the same in every run.
 */

#define AK_TYPE_CLOCK (ak_clock_get_type ())
G_DECLARE_DERIVABLE_TYPE (AkClock, ak_clock, AK, CLOCK, GObject)

struct _AkClockClass
{
  GObjectClass parent_class;

  /* Microseconds since the Unix epoch (UTC), as g_get_real_time(). */
  gint64 (*get_real_time)      (AkClock *self);
  /* Microseconds that only ever grow, as g_get_monotonic_time(). */
  gint64 (*get_monotonic_time) (AkClock *self);
};

AkClock *ak_clock_new                (void);
AkClock *ak_clock_get_default        (void);
gint64   ak_clock_get_real_time      (AkClock *self);
gint64   ak_clock_get_monotonic_time (AkClock *self);

#define AK_TYPE_FAKE_CLOCK (ak_fake_clock_get_type ())
G_DECLARE_FINAL_TYPE (AkFakeClock, ak_fake_clock, AK, FAKE_CLOCK, AkClock)

AkClock *ak_fake_clock_new           (gint64       real_time);
void     ak_fake_clock_advance       (AkFakeClock *self,
                                      gint64       microseconds);

G_END_DECLS
