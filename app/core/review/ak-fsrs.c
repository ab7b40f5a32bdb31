/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-fsrs.h"

#include <math.h>

/* fsrs-rs 6.6.1, the parameters Anki starts every learner with. */
const double ak_fsrs_default_parameters[AK_FSRS_N_PARAMETERS] = {
  0.212, 1.2931, 2.3065, 8.2956,
  6.4133, 0.8334, 3.0194, 0.001,
  1.8722, 0.1666, 0.796,
  1.4835, 0.0614, 0.2629, 1.6483,
  0.6014, 1.8729,
  0.5425, 0.0912, 0.0658,
  0.1542,
};

static double
clamp_stability (double stability)
{
  /* NaN fails every comparison: it becomes the minimum. */
  if (!(stability >= AK_FSRS_STABILITY_MIN))
    return AK_FSRS_STABILITY_MIN;
  return MIN (stability, AK_FSRS_STABILITY_MAX);
}

static double
clamp_difficulty (double difficulty)
{
  if (!(difficulty >= AK_FSRS_DIFFICULTY_MIN))
    return AK_FSRS_DIFFICULTY_MIN;
  return MIN (difficulty, AK_FSRS_DIFFICULTY_MAX);
}

static double
decay (const double *w)
{
  return -w[20];
}

static double
factor (const double *w)
{
  return pow (0.9, 1.0 / decay (w)) - 1.0;
}

/**
 * ak_fsrs_retrievability:
 * @w: the 21 parameters, e.g. ak_fsrs_default_parameters
 *
 * Returns: the probability of recalling an item of @stability after
 *   @elapsed_days: 1 at once, 0.9 after @stability days
 */
double
ak_fsrs_retrievability (const double *w,
                        double        elapsed_days,
                        double        stability)
{
  return pow (1.0 + factor (w) * MAX (elapsed_days, 0.0) / clamp_stability (stability),
              decay (w));
}

/**
 * ak_fsrs_interval:
 *
 * Returns: the days after which recall has dropped to @desired_retention
 *   (in (0, 1]), not rounded; @stability itself at 0.9
 */
double
ak_fsrs_interval (const double *w,
                  double        stability,
                  double        desired_retention)
{
  desired_retention = CLAMP (desired_retention, 0.01, 1.0);
  return clamp_stability (stability) / factor (w)
         * (pow (desired_retention, 1.0 / decay (w)) - 1.0);
}

/**
 * ak_fsrs_interval_days:
 *
 * Returns: the interval in whole days: rounded, at least 1 (a question
 *   comes back on another day at the soonest) and at most
 *   %AK_FSRS_MAX_INTERVAL
 */
guint
ak_fsrs_interval_days (const double *w,
                       double        stability,
                       double        desired_retention)
{
  double interval = round (ak_fsrs_interval (w, stability, desired_retention));

  if (!(interval >= 1.0))
    return 1;
  return (guint)MIN (interval, (double)AK_FSRS_MAX_INTERVAL);
}

/**
 * ak_fsrs_fuzz_range:
 *
 * The days a fuzzed @interval may become, as Anki and py-fsrs spread
 * them: items learnt together do not all come back on the same day.
 * Intervals below 2.5 days are not fuzzed.
 */
void
ak_fsrs_fuzz_range (guint  interval,
                    guint *min_days,
                    guint *max_days)
{
  double days = interval;
  double delta;
  double low;
  double high;

  if (days < 2.5)
    {
      *min_days = *max_days = interval;
      return;
    }
  delta = 1.0 + 0.15 * MAX (MIN (days, 7.0) - 2.5, 0.0)
          + 0.10 * MAX (MIN (days, 20.0) - 7.0, 0.0)
          + 0.05 * MAX (days - 20.0, 0.0);
  low = MAX (round (days - delta), 2.0);
  high = MIN (round (days + delta), (double)AK_FSRS_MAX_INTERVAL);
  low = MIN (low, high);
  *min_days = (guint)low;
  *max_days = (guint)high;
}

/**
 * ak_fsrs_fuzz_interval:
 * @random: a number in [0, 1)
 *
 * Returns: a day in the fuzz range of @interval, picked by @random
 */
guint
ak_fsrs_fuzz_interval (guint  interval,
                       double random)
{
  guint low;
  guint high;
  guint pick;

  ak_fsrs_fuzz_range (interval, &low, &high);
  if (!(random >= 0.0))
    random = 0.0;
  pick = low + (guint)floor (MIN (random, 1.0) * (high - low + 1));
  return MIN (pick, high);
}

static double
initial_difficulty (const double *w,
                    AkRating      rating)
{
  return w[4] - exp (w[5] * (rating - 1)) + 1.0;
}

/**
 * ak_fsrs_first_state:
 *
 * Returns: the memory state after the first answer to an item
 */
AkMemoryState
ak_fsrs_first_state (const double *w,
                     AkRating      rating)
{
  AkMemoryState state;

  rating = CLAMP (rating, AK_RATING_AGAIN, AK_RATING_EASY);
  state.stability = clamp_stability (w[rating - 1]);
  state.difficulty = clamp_difficulty (initial_difficulty (w, rating));
  return state;
}

static double
next_difficulty (const double *w,
                 double        difficulty,
                 AkRating      rating)
{
  double delta = -w[6] * ((double)rating - 3.0);
  double damped = difficulty + delta * (10.0 - difficulty) / 9.0;

  /* Mean reversion towards the (unclamped) difficulty of an Easy start. */
  return clamp_difficulty (w[7] * initial_difficulty (w, AK_RATING_EASY)
                           + (1.0 - w[7]) * damped);
}

/**
 * ak_fsrs_next_state:
 * @state: the state before this answer (out-of-range values are clamped)
 * @elapsed_days: whole review days since the last answer; 0 for a second
 *   answer on the same day
 *
 * Returns: the memory state after answering with @rating
 */
AkMemoryState
ak_fsrs_next_state (const double  *w,
                    AkMemoryState  state,
                    double         elapsed_days,
                    AkRating       rating)
{
  double s = clamp_stability (state.stability);
  double d = clamp_difficulty (state.difficulty);
  double r;
  double next;
  AkMemoryState result;

  rating = CLAMP (rating, AK_RATING_AGAIN, AK_RATING_EASY);
  if (!(elapsed_days >= 0.0))
    elapsed_days = 0.0;
  r = ak_fsrs_retrievability (w, elapsed_days, s);

  if (elapsed_days == 0.0)
    {
      double increase = exp (w[17] * ((double)rating - 3.0 + w[18])) * pow (s, -w[19]);

      if (rating >= AK_RATING_HARD)
        increase = MAX (increase, 1.0);
      next = s * increase;
    }
  else if (rating == AK_RATING_AGAIN)
    {
      double forgotten = w[11] * pow (d, -w[12]) * (pow (s + 1.0, w[13]) - 1.0)
                         * exp (w[14] * (1.0 - r));

      next = MIN (forgotten, s / exp (w[17] * w[18]));
    }
  else
    {
      double hard = rating == AK_RATING_HARD ? w[15] : 1.0;
      double easy = rating == AK_RATING_EASY ? w[16] : 1.0;

      next = s * (1.0 + exp (w[8]) * (11.0 - d) * pow (s, -w[9])
                  * (exp (w[10] * (1.0 - r)) - 1.0) * hard * easy);
    }

  result.stability = clamp_stability (next);
  result.difficulty = next_difficulty (w, d, rating);
  return result;
}

/**
 * ak_fsrs_state_is_valid:
 *
 * Returns: whether @state holds numbers in range, as read from a file
 */
gboolean
ak_fsrs_state_is_valid (AkMemoryState state)
{
  return state.stability >= AK_FSRS_STABILITY_MIN && state.stability <= AK_FSRS_STABILITY_MAX
         && state.difficulty >= AK_FSRS_DIFFICULTY_MIN
         && state.difficulty <= AK_FSRS_DIFFICULTY_MAX;
}

gboolean
ak_fsrs_rating_is_valid (int rating)
{
  return rating >= AK_RATING_AGAIN && rating <= AK_RATING_EASY;
}

/**
 * ak_fsrs_rating_from_score:
 * @score: the score from grading, 0 to 1
 *
 * The rating comes from the grading, not from buttons: a full score is
 * Good, a partial one Hard (recalled, with trouble), none Again. Easy is
 * never given from the score or the time taken: how fast a learner
 * answers depends on the length of the question and on reading speed as
 * much as on memory, a fast guess looks like fast knowledge, and FSRS
 * nearly doubles the growth of stability for Easy, so a wrong Easy costs
 * much; only the learner's "Das wusste ich sicher" gives it.
 */
AkRating
ak_fsrs_rating_from_score (double score)
{
  /* Partial scores add up with rounding errors: 1/3 + 1/3 + 1/3. */
  if (score >= 1.0 - 1e-9)
    return AK_RATING_GOOD;
  if (score > 1e-9)
    return AK_RATING_HARD;
  return AK_RATING_AGAIN;
}

/**
 * ak_fsrs_rating_override:
 * @graded: the rating from ak_fsrs_rating_from_score()
 *
 * What the learner's verdict on an answer makes of its rating:
 *
 * |          | wrong | partly right | right |
 * | sure     | Hard  | Good         | Easy  |
 * | guessed  | Again | Again        | Hard  |
 *
 * "Sure" after a wrong answer is a slip (a misclick, a typo): recalled,
 * but not well enough to trust, so Hard. A right guess is not knowledge:
 * it comes back soon (Hard), without the lapse that Again would count,
 * which would throw away what earlier reviews have shown.
 */
AkRating
ak_fsrs_rating_override (AkRating         graded,
                         AkRatingOverride override)
{
  switch (override)
    {
    case AK_RATING_OVERRIDE_SURE:
      return graded >= AK_RATING_GOOD ? AK_RATING_EASY
             : graded == AK_RATING_HARD ? AK_RATING_GOOD : AK_RATING_HARD;
    case AK_RATING_OVERRIDE_GUESSED:
      return graded >= AK_RATING_GOOD ? AK_RATING_HARD : AK_RATING_AGAIN;
    case AK_RATING_OVERRIDE_NONE:
    default:
      return graded;
    }
}

/* Days from 1 January 1 to 1 January 1970 in GDate's count. */
#define JULIAN_1970 719163

/**
 * ak_fsrs_day:
 * @time: microseconds since the Unix epoch
 * @time_zone: (nullable): the learner's time zone; %NULL for local time
 *
 * Returns: the review day of @time, counted from 1 January 1970: the
 *   local calendar day, where a day starts at 4 a.m. wall-clock time
 *   (also on the days summer time starts or ends)
 */
gint64
ak_fsrs_day (gint64     time,
             GTimeZone *time_zone)
{
  g_autoptr(GTimeZone) local = time_zone == NULL ? g_time_zone_new_local () : NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (time / G_USEC_PER_SEC);
  g_autoptr(GDateTime) at = NULL;
  GDate date;
  int year, month, day;

  if (utc == NULL)
    return time < 0 ? G_MININT32 : G_MAXINT32;
  at = g_date_time_to_timezone (utc, time_zone != NULL ? time_zone : local);
  if (at == NULL)
    return 0;
  g_date_time_get_ymd (at, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  if (g_date_time_get_hour (at) < AK_FSRS_DAY_START_HOUR)
    g_date_subtract_days (&date, 1);
  return (gint64)g_date_get_julian (&date) - JULIAN_1970;
}

/**
 * ak_fsrs_day_start:
 * @day: a review day from ak_fsrs_day()
 *
 * Returns: microseconds since the Unix epoch at which @day starts
 */
gint64
ak_fsrs_day_start (gint64     day,
                   GTimeZone *time_zone)
{
  g_autoptr(GTimeZone) local = time_zone == NULL ? g_time_zone_new_local () : NULL;
  g_autoptr(GDateTime) start = NULL;
  GDate date;

  day = CLAMP (day, 0, 2900000);
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32)(day + JULIAN_1970));
  start = g_date_time_new (time_zone != NULL ? time_zone : local, g_date_get_year (&date),
                           g_date_get_month (&date), g_date_get_day (&date),
                           AK_FSRS_DAY_START_HOUR, 0, 0);
  if (start == NULL)
    return 0;
  return g_date_time_to_unix (start) * G_USEC_PER_SEC;
}

/* A number in [0, 1) that depends only on @key and @n (splitmix64), so
 * that replaying the same answers gives the same due days. */
static double
fuzz_random (const char *key,
             guint       n)
{
  guint64 x = ((guint64)g_str_hash (key != NULL ? key : "") << 32) ^ n;

  x += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15);
  x = (x ^ (x >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  x = (x ^ (x >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  x ^= x >> 31;
  return (x >> 11) * (1.0 / 9007199254740992.0);
}

/**
 * ak_fsrs_card_review:
 * @card: the question's record, all zero for a question never answered;
 *   out-of-range memory values are clamped
 * @time: when it was answered, microseconds since the Unix epoch
 * @fuzz_key: (nullable): names the question, to fuzz its interval the
 *   same way whenever the answers are replayed
 * @time_zone: (nullable): the learner's time zone; %NULL for local time
 *
 * Adds an answer with the default parameters at the desired retention
 * of 0.9. Elapsed days are whole review days; an answer on the day of
 * the last one (or, with a clock set back, before it) is a same-day
 * review. The next due day is at least the day after.
 */
void
ak_fsrs_card_review (AkFsrsCard *card,
                     gint64      time,
                     AkRating    rating,
                     const char *fuzz_key,
                     GTimeZone  *time_zone)
{
  const double *w = ak_fsrs_default_parameters;
  gint64 day = ak_fsrs_day (time, time_zone);
  guint interval;

  if (card->reps == 0)
    card->memory = ak_fsrs_first_state (w, rating);
  else
    {
      gint64 elapsed = day - ak_fsrs_day (card->last_review, time_zone);

      elapsed = CLAMP (elapsed, 0, AK_FSRS_MAX_INTERVAL * 10);
      if (rating == AK_RATING_AGAIN && elapsed > 0)
        card->lapses++;
      card->memory = ak_fsrs_next_state (w, card->memory, (double)elapsed, rating);
    }
  card->reps++;
  card->last_review = time;
  interval = ak_fsrs_interval_days (w, card->memory.stability, AK_FSRS_DESIRED_RETENTION);
  interval = ak_fsrs_fuzz_interval (interval, fuzz_random (fuzz_key, card->reps));
  card->due_day = day + interval;
}
