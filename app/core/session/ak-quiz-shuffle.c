/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <string.h>

#include "ak-quiz-session-private.h"
#include "ak-quiz-session.h"

/*
 * The order in which an attempt shows the choices, ordering items and
 * matching targets of a question. It is not stored: it follows from the
 * attempt's key (its id and start time, see ak-quiz-session.c) and the
 * question id, so that a resumed attempt shows everything as before, and
 * every attempt (and every learner) gets an order of its own.
 */

/* A generator seeded from SHA-256 ("<key>/<question id>"). */
GRand *
ak_quiz_shuffle_rand_new (const char *key,
                          const char *question_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  guint32 seed[8];

  g_checksum_update (checksum, (const guchar *)key, -1);
  g_checksum_update (checksum, (const guchar *)"/", 1);
  g_checksum_update (checksum, (const guchar *)question_id, -1);
  g_checksum_get_digest (checksum, digest, &length);
  for (guint i = 0; i < G_N_ELEMENTS (seed); i++)
    seed[i] = (guint32)digest[4 * i] << 24 | (guint32)digest[4 * i + 1] << 16
              | (guint32)digest[4 * i + 2] << 8 | digest[4 * i + 3];
  return g_rand_new_with_seed_array (seed, G_N_ELEMENTS (seed));
}

/* Fisher–Yates: every order equally likely. */
void
ak_quiz_shuffle (GPtrArray *array,
                 GRand     *rand)
{
  for (guint i = array->len; i > 1; i--)
    {
      guint j = (guint)g_rand_int_range (rand, 0, (gint32)i);
      gpointer swap = array->pdata[i - 1];

      array->pdata[i - 1] = array->pdata[j];
      array->pdata[j] = swap;
    }
}

/* Shuffles the items of an ordering question, which are given in the
 * right order; the learner never starts from the answer. */
void
ak_quiz_shuffle_ordering (GPtrArray *items,
                          GRand     *rand)
{
  g_autoptr(GPtrArray) right = NULL;
  gboolean unchanged = TRUE;

  if (items->len < 2)
    return;

  right = g_ptr_array_new ();
  g_ptr_array_extend (right, items, NULL, NULL);
  ak_quiz_shuffle (items, rand);
  for (guint i = 0; i < items->len && unchanged; i++)
    unchanged = items->pdata[i] == right->pdata[i];
  if (unchanged)
    {
      /* Moving the first item to the end gives an order that differs. */
      gpointer first = items->pdata[0];

      memmove (items->pdata, items->pdata + 1, (items->len - 1) * sizeof (gpointer));
      items->pdata[items->len - 1] = first;
    }
}

static AkMatchTarget *
match_target_new (const char *id,
                  const char *markup,
                  gboolean    distractor)
{
  AkMatchTarget *target = g_new0 (AkMatchTarget, 1);

  target->id = id;
  target->markup = markup;
  target->distractor = distractor;
  return target;
}

/*
 * Lays out a question's choices (or ordering items) and matching targets
 * in the order shown, seeded by @key: an attempt's, or a review's.
 * @choices holds AkChoice pointers into @question; @targets owns its
 * AkMatchTarget. Both are empty for the other question types.
 */
void
ak_quiz_shuffle_layout (const AkQuestion  *question,
                        const char        *key,
                        GPtrArray        **choices,
                        GPtrArray        **targets)
{
  g_autoptr(GRand) rand = ak_quiz_shuffle_rand_new (key, question->id);

  *choices = g_ptr_array_new ();
  *targets = g_ptr_array_new_with_free_func (g_free);

  switch (question->type)
    {
    case AK_QUESTION_SINGLE_CHOICE:
    case AK_QUESTION_MULTIPLE_CHOICE:
      g_ptr_array_extend (*choices, question->choices, NULL, NULL);
      if (!question->keep_order)
        ak_quiz_shuffle (*choices, rand);
      break;

    case AK_QUESTION_ORDERING:
      g_ptr_array_extend (*choices, question->items, NULL, NULL);
      ak_quiz_shuffle_ordering (*choices, rand);
      break;

    case AK_QUESTION_MATCHING:
      for (guint i = 0; i < question->pairs->len; i++)
        {
          AkPair *pair = g_ptr_array_index (question->pairs, i);

          g_ptr_array_add (*targets, match_target_new (pair->id, pair->right_markup, FALSE));
        }
      for (guint i = 0; question->distractors != NULL && i < question->distractors->len; i++)
        {
          AkChoice *distractor = g_ptr_array_index (question->distractors, i);

          g_ptr_array_add (*targets, match_target_new (distractor->id, distractor->markup, TRUE));
        }
      ak_quiz_shuffle (*targets, rand);
      break;

    case AK_QUESTION_TRUE_FALSE:
    case AK_QUESTION_GAP_TEXT:
    case AK_QUESTION_SHORT_ANSWER:
    case AK_QUESTION_NUMERIC:
    case AK_N_QUESTION_TYPES:
    default:
      break;
    }
}
