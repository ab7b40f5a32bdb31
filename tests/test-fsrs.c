/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "ak-fsrs.h"

static const double *w = ak_fsrs_default_parameters;

#define assert_near(value, expected, tolerance) \
  g_assert_cmpfloat_with_epsilon ((value), (expected), (tolerance))

/* fsrs6.md: ratings 1, 3, 3, 3, 3, 3 at t = 0, 0, 1, 3, 8, 21. */
static void
test_vector_sequence (void)
{
  static const struct { AkRating rating; double t; double s; double d; } steps[] = {
    { AK_RATING_AGAIN, 0, 0.212, 6.4133 },
    { AK_RATING_GOOD, 0, 0.24669, 6.40212 },
    { AK_RATING_GOOD, 1, 2.02148, 6.39094 },
    { AK_RATING_GOOD, 3, 7.8637, 6.37978 },
    { AK_RATING_GOOD, 8, 21.91771, 6.36863 },
    { AK_RATING_GOOD, 21, 53.62691, 6.3574867 },
  };
  AkMemoryState state = { 0, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      if (i == 0)
        state = ak_fsrs_first_state (w, steps[i].rating);
      else
        state = ak_fsrs_next_state (w, state, steps[i].t, steps[i].rating);
      assert_near (state.stability, steps[i].s, 1e-5 * MAX (1.0, steps[i].s));
      assert_near (state.difficulty, steps[i].d, 1e-5);
    }
}

static void
test_vector_initial_difficulty (void)
{
  static const double expected[] = { 6.4133, 5.1122, 2.1181, 1.0 /* −4.7716 clamped */ };

  for (AkRating rating = AK_RATING_AGAIN; rating <= AK_RATING_EASY; rating++)
    {
      AkMemoryState state = ak_fsrs_first_state (w, rating);

      assert_near (state.difficulty, expected[rating - 1], 1e-4);
      assert_near (state.stability, w[rating - 1], 1e-12);
    }
}

/* fsrs6.md: the interval for S = 1 at r = 0.1 … 1.0, rounded, at least 1. */
static void
test_vector_intervals (void)
{
  static const double expected[] = { 3116769, 34793, 2508, 387, 90, 27, 9, 3, 1, 1 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      double r = (i + 1) / 10.0;
      double days = MAX (round (ak_fsrs_interval (w, 1.0, r)), 1.0);

      g_assert_cmpfloat (days, ==, expected[i]);
      /* The scheduler keeps to the maximum interval. */
      g_assert_cmpuint (ak_fsrs_interval_days (w, 1.0, r), ==,
                        (guint)MIN (expected[i], AK_FSRS_MAX_INTERVAL));
    }
  /* At the desired retention of 0.9, the interval is the stability. */
  assert_near (ak_fsrs_interval (w, 53.62691, 0.9), 53.62691, 1e-9);
  g_assert_cmpuint (ak_fsrs_interval_days (w, 53.62691, 0.9), ==, 54);
}

/* fsrs6.md: R with S = 1 and w20 = 0.2. */
static void
test_vector_retrievability (void)
{
  static const double expected[] = { 1.0, 0.9, 0.84028935, 0.7985001 };
  double w2[AK_FSRS_N_PARAMETERS];

  memcpy (w2, w, sizeof w2);
  w2[20] = 0.2;
  for (guint t = 0; t < G_N_ELEMENTS (expected); t++)
    assert_near (ak_fsrs_retrievability (w2, t, 1.0), expected[t], 1e-7);
  /* With the defaults too, R(S, S) = 0.9. */
  assert_near (ak_fsrs_retrievability (w, 17.0, 17.0), 0.9, 1e-12);
}

static void
test_clamps (void)
{
  AkMemoryState huge = { 1e9, 50.0 };
  AkMemoryState tiny = { -3.0, -7.0 };
  AkMemoryState nan_state = { NAN, NAN };
  AkMemoryState next;

  /* A stability beyond the maximum is clamped before and after. */
  next = ak_fsrs_next_state (w, huge, 30, AK_RATING_EASY);
  g_assert_cmpfloat (next.stability, ==, AK_FSRS_STABILITY_MAX);
  g_assert_cmpfloat (next.difficulty, <=, AK_FSRS_DIFFICULTY_MAX);
  g_assert_true (ak_fsrs_state_is_valid (next));

  next = ak_fsrs_next_state (w, tiny, 3, AK_RATING_AGAIN);
  g_assert_true (ak_fsrs_state_is_valid (next));
  g_assert_cmpfloat (next.difficulty, >=, AK_FSRS_DIFFICULTY_MIN);

  next = ak_fsrs_next_state (w, nan_state, NAN, AK_RATING_GOOD);
  g_assert_true (ak_fsrs_state_is_valid (next));
  g_assert_false (ak_fsrs_state_is_valid (nan_state));
  g_assert_false (ak_fsrs_state_is_valid (huge));

  /* Many Easy answers in a row never leave [1, 10] or exceed the maximum. */
  next = ak_fsrs_first_state (w, AK_RATING_EASY);
  for (guint i = 0; i < 200; i++)
    next = ak_fsrs_next_state (w, next, ak_fsrs_interval_days (w, next.stability, 0.9),
                               AK_RATING_EASY);
  g_assert_cmpfloat (next.stability, ==, AK_FSRS_STABILITY_MAX);
  g_assert_cmpfloat (next.difficulty, ==, AK_FSRS_DIFFICULTY_MIN);
  g_assert_cmpuint (ak_fsrs_interval_days (w, next.stability, 0.9), ==, AK_FSRS_MAX_INTERVAL);
  /* The shortest interval is one day, even for the smallest stability. */
  g_assert_cmpuint (ak_fsrs_interval_days (w, AK_FSRS_STABILITY_MIN, 0.9), ==, 1);
  g_assert_cmpuint (ak_fsrs_interval_days (w, NAN, 0.9), ==, 1);

  g_assert_false (ak_fsrs_rating_is_valid (0));
  g_assert_false (ak_fsrs_rating_is_valid (5));
  g_assert_true (ak_fsrs_rating_is_valid (AK_RATING_EASY));
}

/* A second answer on the same day uses the short-term formula: it may not
 * lower the stability for a pass, and Again lowers it. */
static void
test_same_day (void)
{
  AkMemoryState start = { 10.0, 5.0 };
  AkMemoryState again = ak_fsrs_next_state (w, start, 0, AK_RATING_AGAIN);
  AkMemoryState hard = ak_fsrs_next_state (w, start, 0, AK_RATING_HARD);
  AkMemoryState good = ak_fsrs_next_state (w, start, 0, AK_RATING_GOOD);
  AkMemoryState easy = ak_fsrs_next_state (w, start, 0, AK_RATING_EASY);
  AkMemoryState next_day = ak_fsrs_next_state (w, start, 1, AK_RATING_GOOD);
  double expected;

  g_assert_cmpfloat (again.stability, <, start.stability);
  g_assert_cmpfloat (hard.stability, >=, start.stability);
  g_assert_cmpfloat (good.stability, >=, hard.stability);
  g_assert_cmpfloat (easy.stability, >, good.stability);
  /* SInc = e^(w17·(G − 3 + w18)) · S^(−w19) */
  expected = 10.0 * exp (w[17] * (1 - 3 + w[18])) * pow (10.0, -w[19]);
  assert_near (again.stability, expected, 1e-9);
  expected = 10.0 * MAX (exp (w[17] * (4 - 3 + w[18])) * pow (10.0, -w[19]), 1.0);
  assert_near (easy.stability, expected, 1e-9);
  /* Hard at a large stability would shrink it: kept at least as it was. */
  assert_near (hard.stability, 10.0, 1e-9);
  /* A day later, a Good answer is worth more than one on the same day. */
  g_assert_cmpfloat (next_day.stability, >, good.stability);
  /* Difficulty follows the rating as on any other day. */
  g_assert_cmpfloat (again.difficulty, >, start.difficulty);
  g_assert_cmpfloat (easy.difficulty, <, start.difficulty);
}

static gint64
local_time (GTimeZone *zone,
            int        year,
            int        month,
            int        day,
            int        hour,
            int        minute)
{
  g_autoptr(GDateTime) at = g_date_time_new (zone, year, month, day, hour, minute, 0);

  g_assert_nonnull (at);
  return g_date_time_to_unix (at) * G_USEC_PER_SEC;
}

/* Days start at 4 a.m. wall-clock time, also on the nights summer time
 * starts and ends in Berlin (29 March and 25 October 2026). */
static void
test_day_boundary_dst (void)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  gint64 saturday, sunday;

  if (berlin == NULL)
    {
      g_test_skip ("The time zone Europe/Berlin is not installed (tzdata)");
      return;
    }

  /* Spring forward: the night from Saturday 28 to Sunday 29 March is an
   * hour short. */
  saturday = ak_fsrs_day (local_time (berlin, 2026, 3, 28, 12, 0), berlin);
  g_assert_cmpint (ak_fsrs_day (local_time (berlin, 2026, 3, 29, 1, 30), berlin), ==, saturday);
  g_assert_cmpint (ak_fsrs_day (local_time (berlin, 2026, 3, 29, 3, 59), berlin), ==, saturday);
  sunday = ak_fsrs_day (local_time (berlin, 2026, 3, 29, 4, 0), berlin);
  g_assert_cmpint (sunday, ==, saturday + 1);
  g_assert_cmpint (ak_fsrs_day_start (sunday, berlin), ==,
                   local_time (berlin, 2026, 3, 29, 4, 0));
  /* 03:59 local is 01:59 UTC: in UTC it is still Saturday's review day
   * only until 04:00 UTC, so the zone matters. */
  g_assert_cmpint (ak_fsrs_day (local_time (berlin, 2026, 3, 29, 4, 30), utc), ==, saturday);
  /* The day is 23 hours long. */
  g_assert_cmpint (ak_fsrs_day_start (sunday + 1, berlin) - ak_fsrs_day_start (sunday, berlin),
                   ==, (gint64)24 * 3600 * G_USEC_PER_SEC);
  g_assert_cmpint (ak_fsrs_day_start (sunday, berlin) - ak_fsrs_day_start (saturday, berlin),
                   ==, (gint64)23 * 3600 * G_USEC_PER_SEC);

  /* Fall back: 25 October has 25 hours; 02:30 happens twice, both times
   * on Saturday's review day. */
  saturday = ak_fsrs_day (local_time (berlin, 2026, 10, 24, 22, 0), berlin);
  {
    gint64 first = local_time (berlin, 2026, 10, 25, 2, 30);

    g_assert_cmpint (ak_fsrs_day (first, berlin), ==, saturday);
    g_assert_cmpint (ak_fsrs_day (first + (gint64)3600 * G_USEC_PER_SEC, berlin), ==, saturday);
    g_assert_cmpint (ak_fsrs_day (local_time (berlin, 2026, 10, 25, 3, 59), berlin), ==,
                     saturday);
  }
  sunday = ak_fsrs_day (local_time (berlin, 2026, 10, 25, 4, 0), berlin);
  g_assert_cmpint (sunday, ==, saturday + 1);
  g_assert_cmpint (ak_fsrs_day_start (sunday, berlin) - ak_fsrs_day_start (saturday, berlin),
                   ==, (gint64)25 * 3600 * G_USEC_PER_SEC);

  /* A review at 23:00 and one at 03:00 the next night are on the same
   * review day: elapsed 0, the same-day formula. One at 05:00 is a day
   * later. */
  g_assert_cmpint (ak_fsrs_day (local_time (berlin, 2026, 3, 29, 3, 0), berlin)
                   - ak_fsrs_day (local_time (berlin, 2026, 3, 28, 23, 0), berlin), ==, 0);
  g_assert_cmpint (ak_fsrs_day (local_time (berlin, 2026, 3, 29, 5, 0), berlin)
                   - ak_fsrs_day (local_time (berlin, 2026, 3, 28, 23, 0), berlin), ==, 1);
  /* 1 January 1970, noon UTC, is day 0. */
  g_assert_cmpint (ak_fsrs_day ((gint64)12 * 3600 * G_USEC_PER_SEC, utc), ==, 0);
}

static void
test_rating (void)
{
  g_assert_cmpint (ak_fsrs_rating_from_score (1.0), ==, AK_RATING_GOOD);
  g_assert_cmpint (ak_fsrs_rating_from_score (1.0 / 3 + 1.0 / 3 + 1.0 / 3), ==, AK_RATING_GOOD);
  g_assert_cmpint (ak_fsrs_rating_from_score (0.5), ==, AK_RATING_HARD);
  g_assert_cmpint (ak_fsrs_rating_from_score (0.0), ==, AK_RATING_AGAIN);

  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_GOOD, AK_RATING_OVERRIDE_SURE), ==,
                   AK_RATING_EASY);
  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_HARD, AK_RATING_OVERRIDE_SURE), ==,
                   AK_RATING_GOOD);
  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_AGAIN, AK_RATING_OVERRIDE_SURE), ==,
                   AK_RATING_HARD);
  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_GOOD, AK_RATING_OVERRIDE_GUESSED), ==,
                   AK_RATING_HARD);
  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_HARD, AK_RATING_OVERRIDE_GUESSED), ==,
                   AK_RATING_AGAIN);
  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_AGAIN, AK_RATING_OVERRIDE_GUESSED), ==,
                   AK_RATING_AGAIN);
  g_assert_cmpint (ak_fsrs_rating_override (AK_RATING_HARD, AK_RATING_OVERRIDE_NONE), ==,
                   AK_RATING_HARD);
}

static void
test_fuzz_range (void)
{
  guint low, high;

  ak_fsrs_fuzz_range (2, &low, &high);
  g_assert_cmpuint (low, ==, 2);
  g_assert_cmpuint (high, ==, 2);
  /* I = 10: δ = 1 + 0.15·4.5 + 0.10·3 = 1.975 → [8, 12] */
  ak_fsrs_fuzz_range (10, &low, &high);
  g_assert_cmpuint (low, ==, 8);
  g_assert_cmpuint (high, ==, 12);
  /* I = 100: δ = 1 + 0.675 + 1.3 + 4 = 6.975 → [93, 107] */
  ak_fsrs_fuzz_range (100, &low, &high);
  g_assert_cmpuint (low, ==, 93);
  g_assert_cmpuint (high, ==, 107);
  ak_fsrs_fuzz_range (AK_FSRS_MAX_INTERVAL, &low, &high);
  g_assert_cmpuint (high, ==, AK_FSRS_MAX_INTERVAL);
  g_assert_cmpuint (ak_fsrs_fuzz_interval (10, 0.0), ==, 8);
  g_assert_cmpuint (ak_fsrs_fuzz_interval (10, 0.999999), ==, 12);
  g_assert_cmpuint (ak_fsrs_fuzz_interval (10, NAN), ==, 8);
}

/* Random ratings after random gaps, from random (also hostile) states:
 * every result stays in range, and the intervals and their fuzz too. */
static void
test_fuzz_loop (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261202);
  AkMemoryState state = ak_fsrs_first_state (w, AK_RATING_GOOD);
  guint n_lower = 0;

  for (guint i = 0; i < 200000; i++)
    {
      AkRating rating = g_rand_int_range (rand, AK_RATING_AGAIN, AK_RATING_EASY + 1);
      double elapsed = g_rand_boolean (rand) ? 0.0 : floor (g_rand_double_range (rand, 0, 400));
      AkMemoryState next;
      guint interval, low, high, fuzzed;

      if (i % 1000 == 0)
        {
          /* Start over from anything a damaged file might hold. */
          state.stability = g_rand_double_range (rand, -10, 1e6);
          state.difficulty = g_rand_double_range (rand, -20, 40);
        }
      next = ak_fsrs_next_state (w, state, elapsed, rating);
      g_assert_true (ak_fsrs_state_is_valid (next));
      g_assert_false (isnan (next.stability) || isnan (next.difficulty));
      if (rating >= AK_RATING_HARD && elapsed > 0 && ak_fsrs_state_is_valid (state))
        g_assert_cmpfloat (next.stability, >=, state.stability * (1 - 1e-12));
      if (rating == AK_RATING_AGAIN && ak_fsrs_state_is_valid (state))
        {
          g_assert_cmpfloat (next.stability, <=, state.stability * (1 + 1e-12));
          n_lower++;
        }

      interval = ak_fsrs_interval_days (w, next.stability, 0.9);
      g_assert_cmpuint (interval, >=, 1);
      g_assert_cmpuint (interval, <=, AK_FSRS_MAX_INTERVAL);
      ak_fsrs_fuzz_range (interval, &low, &high);
      fuzzed = ak_fsrs_fuzz_interval (interval, g_rand_double (rand));
      g_assert_cmpuint (fuzzed, >=, low);
      g_assert_cmpuint (fuzzed, <=, high);
      g_assert_cmpuint (fuzzed, <=, AK_FSRS_MAX_INTERVAL);
      if (interval >= 3)
        g_assert_cmpuint (fuzzed, >=, 2);
      g_assert_cmpuint (low, <=, interval);
      g_assert_cmpuint (high, >=, interval);
      state = next;
    }
  g_assert_cmpuint (n_lower, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fsrs/vector/sequence", test_vector_sequence);
  g_test_add_func ("/fsrs/vector/initial-difficulty", test_vector_initial_difficulty);
  g_test_add_func ("/fsrs/vector/intervals", test_vector_intervals);
  g_test_add_func ("/fsrs/vector/retrievability", test_vector_retrievability);
  g_test_add_func ("/fsrs/clamps", test_clamps);
  g_test_add_func ("/fsrs/same-day", test_same_day);
  g_test_add_func ("/fsrs/day-boundary-dst", test_day_boundary_dst);
  g_test_add_func ("/fsrs/rating", test_rating);
  g_test_add_func ("/fsrs/fuzz-range", test_fuzz_range);
  g_test_add_func ("/fsrs/fuzz-loop", test_fuzz_loop);

  return g_test_run ();
}
