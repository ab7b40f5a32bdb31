/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-certificate-verify.h"

static gboolean
is_learner (const char        *name,
            const char *const *learner_names)
{
  for (guint i = 0; learner_names != NULL && learner_names[i] != NULL; i++)
    {
      g_autofree char *normal = NULL;

      if (!g_utf8_validate (learner_names[i], -1, NULL))
        continue;
      normal = g_utf8_normalize (learner_names[i], -1, G_NORMALIZE_NFC);
      if (normal != NULL && g_str_equal (normal, name))
        return TRUE;
    }
  return FALSE;
}

/**
 * ak_certificate_verify:
 * @record: what the certificate says
 * @hash: the hash it carries
 * @learner_names: (array zero-terminated=1) (nullable): the names the
 *   learner is known by besides the store's display name (the one in the
 *   settings)
 * @check: (out): the verdict
 *
 * Checks a certificate against the progress store: the hash against the
 * record, then the record against the finished attempts at the quiz, then
 * the name against the learner's.
 *
 * Returns: %FALSE with @error set when the store could not be read
 */
gboolean
ak_certificate_verify (AkProgressStore           *store,
                       const AkCertificateRecord *record,
                       const char                *hash,
                       const char *const         *learner_names,
                       AkCertificateCheck        *check,
                       GError                   **error)
{
  g_autoptr(GPtrArray) attempts = NULL;
  g_autofree char *expected = NULL;
  const char *display_name;
  const char *store_names[2] = { NULL, NULL };
  guint i;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (store), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);
  g_return_val_if_fail (hash != NULL, FALSE);
  g_return_val_if_fail (check != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  expected = ak_certificate_record_compute_hash (record);
  if (!g_str_equal (expected, hash))
    {
      *check = AK_CERTIFICATE_CHANGED;
      return TRUE;
    }

  attempts = ak_progress_store_get_quiz_history (store, record->course_id, record->quiz_id, error);
  if (attempts == NULL)
    return FALSE;
  for (i = 0; i < attempts->len; i++)
    {
      const AkProgressAttempt *attempt = g_ptr_array_index (attempts, i);
      g_autoptr(AkCertificateRecord) actual = NULL;

      if (attempt->state != AK_ATTEMPT_FINISHED || !attempt->passed)
        continue;
      actual = ak_certificate_record_new_for_attempt (attempt, record->learner_name);
      if (ak_certificate_record_equal (actual, record))
        break;
    }
  if (i == attempts->len)
    {
      *check = AK_CERTIFICATE_NO_ATTEMPT;
      return TRUE;
    }

  /* The attempt is there; is the name the learner's? */
  display_name = ak_progress_store_get_display_name (store);
  store_names[0] = display_name;
  if (!is_learner (record->learner_name, store_names) &&
      !is_learner (record->learner_name, learner_names))
    *check = AK_CERTIFICATE_OTHER_LEARNER;
  else
    *check = AK_CERTIFICATE_VALID;
  return TRUE;
}

/**
 * ak_certificate_find_attempt:
 * @attempt_id: a finished attempt at @quiz_id of @course_id
 *
 * The attempt a certificate is to be made for, when it earns one: it
 * passed, and the quiz certifies (see ak_quiz_get_certifying()).
 *
 * Returns: (transfer full) (nullable): the attempt, or %NULL (with @error
 *   set only when the store could not be read)
 */
AkProgressAttempt *
ak_certificate_find_attempt (AkProgressStore  *store,
                             AkCourse         *course,
                             const char       *quiz_id,
                             gint64            attempt_id,
                             GError          **error)
{
  g_autoptr(GPtrArray) attempts = NULL;
  const AkQuiz *quiz;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (store), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  quiz = ak_course_find_quiz (course, quiz_id);
  if (quiz == NULL || !ak_quiz_get_certifying (quiz))
    return NULL;
  attempts = ak_progress_store_get_quiz_history (store, ak_course_get_id (course), quiz_id, error);
  if (attempts == NULL)
    return NULL;
  for (guint i = 0; i < attempts->len; i++)
    {
      AkProgressAttempt *attempt = g_ptr_array_index (attempts, i);

      if (attempt->id == attempt_id && attempt->state == AK_ATTEMPT_FINISHED && attempt->passed)
        return g_ptr_array_steal_index (attempts, i);
    }
  return NULL;
}
