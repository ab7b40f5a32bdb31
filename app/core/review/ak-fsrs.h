/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * FSRS-6, the memory model Anki schedules its reviews with, as pure
 * functions: how well a question is remembered (stability S in days,
 * difficulty D from 1 to 10), how likely it is recalled after t days, and
 * when to ask it again so that it is recalled with the desired retention.
 * The formulas and the default parameters are those of fsrs-rs 6.
 */

#define AK_FSRS_N_PARAMETERS 21
#define AK_FSRS_STABILITY_MIN 0.001
#define AK_FSRS_STABILITY_MAX 36500.0
#define AK_FSRS_DIFFICULTY_MIN 1.0
#define AK_FSRS_DIFFICULTY_MAX 10.0
#define AK_FSRS_DESIRED_RETENTION 0.9
#define AK_FSRS_MAX_INTERVAL 36500

/* A review day starts at 4 a.m. local time, as in Anki: a learner who
 * studies past midnight is still on the evening's day. */
#define AK_FSRS_DAY_START_HOUR 4

typedef enum
{
  AK_RATING_AGAIN = 1,
  AK_RATING_HARD  = 2,
  AK_RATING_GOOD  = 3,
  AK_RATING_EASY  = 4
} AkRating;

/* What the learner says after seeing the feedback. */
typedef enum
{
  AK_RATING_OVERRIDE_NONE,
  AK_RATING_OVERRIDE_SURE,     /* "Das wusste ich sicher" */
  AK_RATING_OVERRIDE_GUESSED   /* "Geraten" */
} AkRatingOverride;

typedef struct
{
  double stability;    /* days until recall drops to 90 % */
  double difficulty;   /* 1 (easy) to 10 (hard) */
} AkMemoryState;

/* A question's review record: its memory state, when it is due and
 * how it went so far. @reps is 0 for a question never answered. */
typedef struct
{
  AkMemoryState memory;
  gint64        due_day;       /* a review day, see ak_fsrs_day() */
  gint64        last_review;   /* microseconds since the Unix epoch */
  guint         reps;          /* answers so far */
  guint         lapses;        /* Again after a day or more: forgotten */
} AkFsrsCard;

extern const double ak_fsrs_default_parameters[AK_FSRS_N_PARAMETERS];

double        ak_fsrs_retrievability    (const double       *w,
                                         double              elapsed_days,
                                         double              stability);
double        ak_fsrs_interval          (const double       *w,
                                         double              stability,
                                         double              desired_retention);
guint         ak_fsrs_interval_days     (const double       *w,
                                         double              stability,
                                         double              desired_retention);
void          ak_fsrs_fuzz_range        (guint               interval,
                                         guint              *min_days,
                                         guint              *max_days);
guint         ak_fsrs_fuzz_interval     (guint               interval,
                                         double              random);
AkMemoryState ak_fsrs_first_state       (const double       *w,
                                         AkRating            rating);
AkMemoryState ak_fsrs_next_state        (const double       *w,
                                         AkMemoryState       state,
                                         double              elapsed_days,
                                         AkRating            rating);
gboolean      ak_fsrs_state_is_valid    (AkMemoryState       state);
gboolean      ak_fsrs_rating_is_valid   (int                 rating);

AkRating      ak_fsrs_rating_from_score (double              score);
AkRating      ak_fsrs_rating_override   (AkRating            graded,
                                         AkRatingOverride    override);

void          ak_fsrs_card_review       (AkFsrsCard         *card,
                                         gint64              time,
                                         AkRating            rating,
                                         const char         *fuzz_key,
                                         GTimeZone          *time_zone);

gint64        ak_fsrs_day               (gint64              time,
                                         GTimeZone          *time_zone);
gint64        ak_fsrs_day_start         (gint64              day,
                                         GTimeZone          *time_zone);

G_END_DECLS
