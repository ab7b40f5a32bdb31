/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-clock.h"

G_DEFINE_TYPE (AkClock, ak_clock, G_TYPE_OBJECT)

static gint64
ak_clock_real_get_real_time (AkClock *self)
{
  return g_get_real_time ();
}

static gint64
ak_clock_real_get_monotonic_time (AkClock *self)
{
  return g_get_monotonic_time ();
}

static void
ak_clock_class_init (AkClockClass *klass)
{
  klass->get_real_time = ak_clock_real_get_real_time;
  klass->get_monotonic_time = ak_clock_real_get_monotonic_time;
}

static void
ak_clock_init (AkClock *self)
{
}

/**
 * ak_clock_new:
 *
 * Returns: (transfer full): a clock that reads the system's time
 */
AkClock *
ak_clock_new (void)
{
  return g_object_new (AK_TYPE_CLOCK, NULL);
}

/**
 * ak_clock_get_default:
 *
 * Returns: (transfer none): the system clock, shared by everybody who
 *   was given no other
 */
AkClock *
ak_clock_get_default (void)
{
  static AkClock *clock;

  if (g_once_init_enter (&clock))
    g_once_init_leave (&clock, ak_clock_new ());
  return clock;
}

/**
 * ak_clock_get_real_time:
 *
 * Returns: the wall-clock time in microseconds since the Unix epoch (UTC)
 */
gint64
ak_clock_get_real_time (AkClock *self)
{
  g_return_val_if_fail (AK_IS_CLOCK (self), 0);

  return AK_CLOCK_GET_CLASS (self)->get_real_time (self);
}

/**
 * ak_clock_get_monotonic_time:
 *
 * Returns: microseconds on a clock that never goes back, for measuring
 *   how long something took
 */
gint64
ak_clock_get_monotonic_time (AkClock *self)
{
  g_return_val_if_fail (AK_IS_CLOCK (self), 0);

  return AK_CLOCK_GET_CLASS (self)->get_monotonic_time (self);
}

/* A clock that stands still until it is moved on. */
struct _AkFakeClock
{
  AkClock parent_instance;

  gint64  real_time;
  gint64  monotonic_time;
};

G_DEFINE_FINAL_TYPE (AkFakeClock, ak_fake_clock, AK_TYPE_CLOCK)

static gint64
ak_fake_clock_get_real_time (AkClock *clock)
{
  return AK_FAKE_CLOCK (clock)->real_time;
}

static gint64
ak_fake_clock_get_monotonic_time (AkClock *clock)
{
  return AK_FAKE_CLOCK (clock)->monotonic_time;
}

static void
ak_fake_clock_class_init (AkFakeClockClass *klass)
{
  AkClockClass *clock_class = AK_CLOCK_CLASS (klass);

  clock_class->get_real_time = ak_fake_clock_get_real_time;
  clock_class->get_monotonic_time = ak_fake_clock_get_monotonic_time;
}

static void
ak_fake_clock_init (AkFakeClock *self)
{
  /* Not 0: the progress store reads 0 as "never". */
  self->monotonic_time = 1;
}

/**
 * ak_fake_clock_new:
 * @real_time: the wall-clock time it shows, in microseconds since the epoch
 *
 * Returns: (transfer full): a clock for tests that only moves when
 *   ak_fake_clock_advance() is called
 */
AkClock *
ak_fake_clock_new (gint64 real_time)
{
  AkFakeClock *self = g_object_new (AK_TYPE_FAKE_CLOCK, NULL);

  self->real_time = real_time;
  return AK_CLOCK (self);
}

/**
 * ak_fake_clock_advance:
 *
 * Moves both the wall clock and the monotonic clock on by @microseconds.
 */
void
ak_fake_clock_advance (AkFakeClock *self,
                       gint64       microseconds)
{
  g_return_if_fail (AK_IS_FAKE_CLOCK (self));
  g_return_if_fail (microseconds >= 0);

  self->real_time += microseconds;
  self->monotonic_time += microseconds;
}
