/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-quiz-session.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ak-grading.h"
#include "ak-quiz-session-private.h"

/*
 * The order of an attempt: its questions are shown in the order stored
 * with the attempt (shuffled when the quiz says shuffle="true", else the
 * order of the file). Choices are shuffled for every attempt, so that the
 * place of the right one gives nothing away, unless the question says
 * keep-order="true" (a scale from "never" to "always", say); ordering
 * items and matching targets are always shuffled, since their order in
 * the file is the answer. See ak-quiz-shuffle.c for the seed.
 *
 * A course edited while an attempt is open: the attempt goes on with the
 * quiz as it is now. Questions that are gone are dropped (their answers
 * stay in the history but no longer count); new questions are asked at
 * the end; answers to unchanged questions are kept. A question edited
 * after it was answered is not asked again in this attempt, which takes
 * one answer per question: the answer stands with the score it got, and
 * the question is reported as changed so that the page can say so; the
 * next attempt asks the new version.
 */

typedef struct
{
  AkQuestion *question;
  GPtrArray  *choices;    /* AkChoice in the order shown: choices or ordering items */
  GPtrArray  *targets;    /* AkMatchTarget in the order shown */
  AkResponse *response;   /* nullable */
  double      score;
  double      seconds;    /* spent on the answer */
  gboolean    answered;
  gboolean    changed;    /* answered in an older version */
} QuestionState;

struct _AkQuizSession
{
  GObject     parent_instance;

  AkContext  *context;
  AkCourse   *course;
  AkQuiz     *quiz;         /* owned by the course */
  gint64      attempt_id;   /* 0 in practice or when progress cannot be saved */
  char       *key;          /* seeds the order of choices; see ak-quiz-shuffle.c */
  GPtrArray  *questions;    /* QuestionState, in the order shown */
  GHashTable *by_id;        /* question id → QuestionState */
  GPtrArray  *changes;      /* AkQuizChange */
  guint       position;     /* the first question not answered */
  gint64      shown;        /* monotonic time when the current question was shown */

  guint       practice : 1;
  guint       exam_mode : 1;
  guint       finished : 1;
  guint       resumed : 1;
};

G_DEFINE_FINAL_TYPE (AkQuizSession, ak_quiz_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EXAM_MODE,
  PROP_POSITION,
  PROP_FINISHED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
question_state_free (QuestionState *state)
{
  g_ptr_array_unref (state->choices);
  g_ptr_array_unref (state->targets);
  g_clear_pointer (&state->response, ak_response_unref);
  g_free (state);
}

static void
quiz_change_free (AkQuizChange *change)
{
  g_free ((char *)change->question_id);
  g_free (change);
}

/* Lays out a question's choices, items or targets for this attempt. */
static QuestionState *
question_state_new (AkQuizSession *self,
                    AkQuestion    *question)
{
  QuestionState *state = g_new0 (QuestionState, 1);

  state->question = question;
  ak_quiz_shuffle_layout (question, self->key, &state->choices, &state->targets);
  return state;
}

static void
add_question (AkQuizSession *self,
              AkQuestion    *question)
{
  QuestionState *state = question_state_new (self, question);

  g_ptr_array_add (self->questions, state);
  g_hash_table_insert (self->by_id, question->id, state);
}

static void
add_change (AkQuizSession    *self,
            const char       *question_id,
            AkQuizChangeKind  kind)
{
  AkQuizChange *change = g_new0 (AkQuizChange, 1);

  change->question_id = g_strdup (question_id);
  change->kind = kind;
  g_ptr_array_add (self->changes, change);
}

static guint
find_unanswered (AkQuizSession *self,
                 guint          from)
{
  guint i = from;

  while (i < self->questions->len
         && ((QuestionState *)g_ptr_array_index (self->questions, i))->answered)
    i++;
  return i;
}

static AkProgressStore *
get_store (AkQuizSession *self)
{
  return ak_context_get_store (self->context);
}

static gint64
now_monotonic (AkQuizSession *self)
{
  return ak_clock_get_monotonic_time (ak_context_get_clock (self->context));
}

static void
ak_quiz_session_finalize (GObject *object)
{
  AkQuizSession *self = (AkQuizSession *)object;

  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_free (self->key);
  g_clear_object (&self->course);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ak_quiz_session_parent_class)->finalize (object);
}

static void
ak_quiz_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AkQuizSession *self = AK_QUIZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_EXAM_MODE:
      g_value_set_boolean (value, self->exam_mode);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_FINISHED:
      g_value_set_boolean (value, self->finished);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_quiz_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AkQuizSession *self = AK_QUIZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_EXAM_MODE:
      ak_quiz_session_set_exam_mode (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_quiz_session_class_init (AkQuizSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ak_quiz_session_finalize;
  object_class->get_property = ak_quiz_session_get_property;
  object_class->set_property = ak_quiz_session_set_property;

  /* Feedback only once the attempt is finished, then all of it. */
  properties[PROP_EXAM_MODE] =
    g_param_spec_boolean ("exam-mode", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The index of the first question not answered; the number of
   * questions once all are answered. */
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINISHED] =
    g_param_spec_boolean ("finished", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ak_quiz_session_init (AkQuizSession *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)question_state_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)quiz_change_free);
}

/* A session without questions yet, or %NULL when the quiz is gone. */
static AkQuizSession *
session_new (AkContext   *context,
             AkCourse    *course,
             const char  *quiz_id,
             GError     **error)
{
  AkQuizSession *self;
  AkQuiz *quiz = ak_course_find_quiz (course, quiz_id);

  if (quiz == NULL || quiz->questions->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This quiz is no longer in the course."));
      return NULL;
    }

  self = g_object_new (AK_TYPE_QUIZ_SESSION, NULL);
  self->context = g_object_ref (context);
  self->course = g_object_ref (course);
  self->quiz = quiz;
  return self;
}

/* A key of its own for an attempt that is not stored. */
static char *
random_key (void)
{
  return g_strdup_printf ("%08x%08x", g_random_int (), g_random_int ());
}

/* Picks up an attempt in progress: its order, and the answers given. */
static void
resume_attempt (AkQuizSession     *self,
                AkProgressAttempt *attempt)
{
  self->attempt_id = attempt->id;
  self->resumed = TRUE;
  self->key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                               attempt->id, attempt->started);

  for (guint i = 0; attempt->question_order[i] != NULL; i++)
    {
      const char *id = attempt->question_order[i];
      AkQuestion *question = ak_quiz_find_question (self->quiz, id);

      if (question == NULL)
        add_change (self, id, AK_QUIZ_CHANGE_REMOVED);
      else if (!g_hash_table_contains (self->by_id, id))
        add_question (self, question);
    }

  /* An attempt started without an order shows the file's order; one
   * started before questions were added shows them at the end. */
  for (guint i = 0; i < self->quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (self->quiz->questions, i);

      if (g_hash_table_contains (self->by_id, question->id))
        continue;
      add_question (self, question);
      if (attempt->question_order[0] != NULL)
        add_change (self, question->id, AK_QUIZ_CHANGE_ADDED);
    }

  for (guint i = 0; i < attempt->answers->len; i++)
    {
      AkProgressAnswer *answer = g_ptr_array_index (attempt->answers, i);
      QuestionState *state = g_hash_table_lookup (self->by_id, answer->question_id);

      if (state == NULL)
        {
          if (!g_strv_contains ((const char *const *)attempt->question_order, answer->question_id))
            add_change (self, answer->question_id, AK_QUIZ_CHANGE_REMOVED);
          continue;
        }
      if (state->answered)
        continue;
      state->answered = TRUE;
      state->score = CLAMP (answer->score, 0.0, 1.0);
      /* From the store, which is not trusted. */
      state->seconds = isfinite (answer->seconds) ? MAX (answer->seconds, 0.0) : 0.0;
      state->changed = g_strcmp0 (answer->question_hash, state->question->hash) != 0;
      /* An answer that cannot be read back still counts with its score. */
      state->response = ak_response_from_json (answer->response, NULL);
      if (state->changed)
        add_change (self, answer->question_id, AK_QUIZ_CHANGE_CHANGED);
    }
}

static gboolean
start_attempt (AkQuizSession  *self,
               GError        **error)
{
  AkProgressStore *store = get_store (self);
  const char *course_id = ak_course_get_id (self->course);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(AkProgressAttempt) attempt = NULL;

  /* Not g_ptr_array_copy(): it would take the course's free function along. */
  g_ptr_array_extend (order, self->quiz->questions, NULL, NULL);
  if (self->quiz->shuffle)
    {
      g_autoptr(GRand) rand = g_rand_new ();

      ak_quiz_shuffle (order, rand);
    }
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (ids, ((AkQuestion *)g_ptr_array_index (order, i))->id);
  g_ptr_array_add (ids, NULL);

  if (store == NULL)
    {
      /* Progress cannot be saved: the learner can still take the quiz. */
      self->key = random_key ();
      for (guint i = 0; i < order->len; i++)
        add_question (self, g_ptr_array_index (order, i));
      return TRUE;
    }

  if (ak_progress_store_start_attempt (store, course_id, self->quiz->id,
                                       ak_course_get_version (self->course), self->quiz->hash,
                                       (const char *const *)ids->pdata, error) == 0)
    return FALSE;
  /* Read back for its id and start time, which seed the order of choices. */
  attempt = ak_progress_store_get_open_attempt (store, course_id, self->quiz->id, error);
  if (attempt == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The quiz attempt could not be started."));
      return FALSE;
    }
  resume_attempt (self, attempt);
  self->resumed = FALSE;
  return TRUE;
}

/**
 * ak_quiz_session_new:
 * @context: the context; its store keeps the attempt, its clock times it
 * @course: the course
 * @quiz_id: the quiz in @course
 *
 * Resumes the learner's attempt at the quiz that is in progress, or
 * starts a new one. A resumed attempt shows its questions and choices in
 * the same order as before and continues at the first question not
 * answered; ak_quiz_session_get_changes() says how the quiz was edited
 * meanwhile. Without a store in @context the attempt is kept in memory.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with @error
 *   set when the quiz is not in the course or the store failed
 */
AkQuizSession *
ak_quiz_session_new (AkContext   *context,
                     AkCourse    *course,
                     const char  *quiz_id,
                     GError     **error)
{
  g_autoptr(AkQuizSession) self = NULL;
  g_autoptr(AkProgressAttempt) attempt = NULL;
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = session_new (context, course, quiz_id, error);
  if (self == NULL)
    return NULL;

  store = get_store (self);
  if (store != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      attempt = ak_progress_store_get_open_attempt (store, ak_course_get_id (course), quiz_id,
                                                    &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  if (attempt != NULL)
    resume_attempt (self, attempt);
  else if (!start_attempt (self, error))
    return NULL;

  self->position = find_unanswered (self, 0);
  self->shown = now_monotonic (self);
  return g_steal_pointer (&self);
}

/**
 * ak_quiz_session_new_practice:
 * @question_ids: (array zero-terminated=1): the questions to practise, in
 *   the order to ask them; those no longer in the quiz are left out
 *
 * Starts a practice round: the questions are asked and checked as in an
 * attempt, and each answer is recorded as practice, which counts towards
 * mastery but is no attempt, has no pass and is not resumed.
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with @error
 *   set when none of the questions is in the quiz
 */
AkQuizSession *
ak_quiz_session_new_practice (AkContext          *context,
                              AkCourse           *course,
                              const char         *quiz_id,
                              const char *const  *question_ids,
                              GError            **error)
{
  g_autoptr(AkQuizSession) self = NULL;

  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);
  g_return_val_if_fail (question_ids != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = session_new (context, course, quiz_id, error);
  if (self == NULL)
    return NULL;

  self->practice = TRUE;
  self->key = random_key ();
  for (guint i = 0; question_ids[i] != NULL; i++)
    {
      AkQuestion *question = ak_quiz_find_question (self->quiz, question_ids[i]);

      if (question != NULL && !g_hash_table_contains (self->by_id, question->id))
        add_question (self, question);
    }
  if (self->questions->len == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There are no questions left to practise."));
      return NULL;
    }

  self->shown = now_monotonic (self);
  return g_steal_pointer (&self);
}

/**
 * ak_quiz_session_start_practice:
 *
 * Starts a practice round of the questions missed in this attempt (see
 * ak_quiz_session_list_missed()), in the order they were asked, with the
 * same exam mode.
 *
 * Returns: (transfer full) (nullable): the practice round, or %NULL with
 *   @error set when nothing was missed
 */
AkQuizSession *
ak_quiz_session_start_practice (AkQuizSession  *self,
                                GError        **error)
{
  g_auto(GStrv) missed = NULL;
  AkQuizSession *practice;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  missed = ak_quiz_session_list_missed (self);
  practice = ak_quiz_session_new_practice (self->context, self->course, self->quiz->id,
                                           (const char *const *)missed, error);
  if (practice != NULL)
    practice->exam_mode = self->exam_mode;
  return practice;
}

/**
 * ak_quiz_session_get_context:
 *
 * Returns: (transfer none): the context
 */
AkContext *
ak_quiz_session_get_context (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  return self->context;
}

/**
 * ak_quiz_session_get_course:
 *
 * Returns: (transfer none): the course; the session keeps the version it
 *   was started with, even when the library reloads the file
 */
AkCourse *
ak_quiz_session_get_course (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  return self->course;
}

/**
 * ak_quiz_session_get_quiz:
 *
 * Returns: (transfer none): the quiz
 */
AkQuiz *
ak_quiz_session_get_quiz (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  return self->quiz;
}

/**
 * ak_quiz_session_get_attempt_id:
 *
 * Returns: the attempt in the progress store; 0 for a practice round or
 *   when progress cannot be saved
 */
gint64
ak_quiz_session_get_attempt_id (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0);
  return self->attempt_id;
}

/**
 * ak_quiz_session_get_resumed:
 *
 * Returns: whether an attempt that was in progress was picked up again
 */
gboolean
ak_quiz_session_get_resumed (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  return self->resumed;
}

gboolean
ak_quiz_session_get_practice (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  return self->practice;
}

gboolean
ak_quiz_session_get_exam_mode (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  return self->exam_mode;
}

/**
 * ak_quiz_session_set_exam_mode:
 * @exam_mode: %TRUE to hold all feedback back until the attempt is
 *   finished; %FALSE to give it after each answer
 */
void
ak_quiz_session_set_exam_mode (AkQuizSession *self,
                               gboolean       exam_mode)
{
  g_return_if_fail (AK_IS_QUIZ_SESSION (self));

  exam_mode = !!exam_mode;
  if (self->exam_mode == (guint)exam_mode)
    return;
  self->exam_mode = exam_mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXAM_MODE]);
}

/**
 * ak_quiz_session_get_changes:
 *
 * How the quiz was edited while the attempt was open: questions added,
 * questions changed after they were answered, questions removed. Empty
 * for a new attempt.
 *
 * Returns: (transfer none) (element-type AkQuizChange): the changes
 */
GPtrArray *
ak_quiz_session_get_changes (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  return self->changes;
}

guint
ak_quiz_session_get_n_questions (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0);
  return self->questions->len;
}

/**
 * ak_quiz_session_get_question:
 * @index: from 0 to ak_quiz_session_get_n_questions() − 1
 *
 * Returns: (transfer none): the question shown at @index
 */
AkQuestion *
ak_quiz_session_get_question (AkQuizSession *self,
                              guint          index)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (index < self->questions->len, NULL);

  return ((QuestionState *)g_ptr_array_index (self->questions, index))->question;
}

/**
 * ak_quiz_session_get_position:
 *
 * Returns: the index of the question to answer next; the number of
 *   questions when all are answered
 */
guint
ak_quiz_session_get_position (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0);
  return self->position;
}

/**
 * ak_quiz_session_get_current:
 *
 * Returns: (transfer none) (nullable): the question to answer next, or
 *   %NULL when all are answered
 */
AkQuestion *
ak_quiz_session_get_current (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);

  if (self->position >= self->questions->len)
    return NULL;
  return ((QuestionState *)g_ptr_array_index (self->questions, self->position))->question;
}

static QuestionState *
lookup_state (AkQuizSession *self,
              const char    *question_id)
{
  return g_hash_table_lookup (self->by_id, question_id);
}

/**
 * ak_quiz_session_get_choices:
 *
 * The choices of a single- or multiple-choice question, or the items of
 * an ordering question, in the order this attempt shows them. Ordering
 * items come in the order the learner starts from, which is never the
 * right one.
 *
 * Returns: (transfer none) (element-type AkChoice) (nullable): the
 *   choices, empty for other question types; %NULL for a question not in
 *   the session
 */
GPtrArray *
ak_quiz_session_get_choices (AkQuizSession *self,
                             const char    *question_id)
{
  QuestionState *state;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  state = lookup_state (self, question_id);
  return state != NULL ? state->choices : NULL;
}

/**
 * ak_quiz_session_get_targets:
 *
 * The right-hand items of a matching question (the pairs' right sides and
 * the distractors) in the order this attempt shows them. The left sides
 * are the question's pairs in the order of the file.
 *
 * Returns: (transfer none) (element-type AkMatchTarget) (nullable): the
 *   targets, empty for other question types; %NULL for a question not in
 *   the session
 */
GPtrArray *
ak_quiz_session_get_targets (AkQuizSession *self,
                             const char    *question_id)
{
  QuestionState *state;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  state = lookup_state (self, question_id);
  return state != NULL ? state->targets : NULL;
}

gboolean
ak_quiz_session_is_answered (AkQuizSession *self,
                             const char    *question_id)
{
  QuestionState *state;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (question_id != NULL, FALSE);

  state = lookup_state (self, question_id);
  return state != NULL && state->answered;
}

/**
 * ak_quiz_session_get_response:
 *
 * Returns: (transfer none) (nullable): the answer given to the question,
 *   also in an attempt that was resumed; %NULL when it is not answered
 */
AkResponse *
ak_quiz_session_get_response (AkQuizSession *self,
                              const char    *question_id)
{
  QuestionState *state;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  state = lookup_state (self, question_id);
  return state != NULL ? state->response : NULL;
}

static AkQuizFeedback *
make_feedback (AkQuizSession *self,
               QuestionState *state)
{
  return ak_quiz_feedback_new (self->context, self->course, state->question, state->response,
                               state->score, state->changed);
}

/**
 * ak_quiz_session_check:
 * @response: the learner's answer to the current question
 * @feedback: (out) (optional) (transfer full) (nullable): what to show;
 *   %NULL in exam mode
 *
 * Grades the answer to the current question and records it, with the
 * time taken since the question was shown, in one transaction. Then the
 * next question not answered becomes the current one.
 *
 * Returns: %TRUE when the answer was recorded; %FALSE with @error set
 *   when it could not be (nothing changes then, and the learner can try
 *   again) or when every question is answered or the session is finished
 */
gboolean
ak_quiz_session_check (AkQuizSession   *self,
                       AkResponse      *response,
                       AkQuizFeedback **feedback,
                       GError         **error)
{
  AkProgressStore *store;
  QuestionState *state;
  AkQuestion *question;
  g_autofree char *json = NULL;
  g_autoptr(AkResponse) kept = NULL;
  gint64 now;
  double seconds;
  double score;
  guint next;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (feedback != NULL)
    *feedback = NULL;

  if (self->finished || self->position >= self->questions->len)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("This quiz has ended; no more answers can be given."));
      return FALSE;
    }

  state = g_ptr_array_index (self->questions, self->position);
  question = state->question;
  g_return_val_if_fail (ak_response_get_question_type (response) == question->type, FALSE);

  score = ak_grade (question, response);
  json = ak_response_to_json (response);
  /* A copy of its own: the page may go on changing @response. */
  kept = ak_response_from_json (json, NULL);
  now = now_monotonic (self);
  seconds = MAX (now - self->shown, 0) / (double)G_USEC_PER_SEC;

  store = get_store (self);
  if (store != NULL && self->practice)
    {
      if (!ak_progress_store_record_practice_answer (store, ak_course_get_id (self->course),
                                                     self->quiz->id, question->id,
                                                     question->hash, json, score, seconds,
                                                     error))
        return FALSE;
    }
  else if (store != NULL && self->attempt_id != 0)
    {
      next = find_unanswered (self, self->position + 1);
      if (!ak_progress_store_record_answer (store, self->attempt_id, question->id,
                                            question->hash, json, score, seconds, next, error))
        return FALSE;
    }

  state->answered = TRUE;
  state->score = score;
  state->seconds = seconds;
  state->changed = FALSE;
  g_clear_pointer (&state->response, ak_response_unref);
  state->response = g_steal_pointer (&kept);

  self->position = find_unanswered (self, self->position + 1);
  self->shown = now;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);

  if (feedback != NULL && !self->exam_mode)
    *feedback = make_feedback (self, state);
  return TRUE;
}

/**
 * ak_quiz_session_get_feedback:
 *
 * The feedback to an answered question, for going back to it or for the
 * results page. In exam mode there is none until the session is finished.
 *
 * Returns: (transfer full) (nullable): the feedback, or %NULL
 */
AkQuizFeedback *
ak_quiz_session_get_feedback (AkQuizSession *self,
                              const char    *question_id)
{
  QuestionState *state;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  state = lookup_state (self, question_id);
  if (state == NULL || !state->answered || (self->exam_mode && !self->finished))
    return NULL;
  return make_feedback (self, state);
}

/**
 * ak_quiz_session_get_points:
 *
 * Returns: Σ score × points over the answered questions of the session
 */
double
ak_quiz_session_get_points (AkQuizSession *self)
{
  double points = 0.0;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0.0);

  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionState *state = g_ptr_array_index (self->questions, i);

      if (state->answered)
        points += state->score * state->question->points;
    }
  return points;
}

/**
 * ak_quiz_session_get_seconds:
 *
 * The time taken, for the results page: the seconds spent on each answer
 * given, from when its question was shown until it was checked, also
 * before the attempt was resumed.
 *
 * Returns: the seconds, 0 or more
 */
double
ak_quiz_session_get_seconds (AkQuizSession *self)
{
  double seconds = 0.0;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0.0);

  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionState *state = g_ptr_array_index (self->questions, i);

      if (state->answered)
        seconds += state->seconds;
    }
  return seconds;
}

/**
 * ak_quiz_session_get_max_points:
 *
 * Returns: Σ points over the questions of the session: the quiz as it is
 *   now for an attempt, the questions practised for a practice round
 */
double
ak_quiz_session_get_max_points (AkQuizSession *self)
{
  double max = 0.0;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0.0);

  for (guint i = 0; i < self->questions->len; i++)
    max += ((QuestionState *)g_ptr_array_index (self->questions, i))->question->points;
  return max;
}

/**
 * ak_quiz_session_get_percent:
 *
 * Returns: the points reached as a share of the maximum, 0 to 100
 */
double
ak_quiz_session_get_percent (AkQuizSession *self)
{
  double max;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), 0.0);

  max = ak_quiz_session_get_max_points (self);
  return max > 0.0 ? CLAMP (100.0 * ak_quiz_session_get_points (self) / max, 0.0, 100.0) : 0.0;
}

/**
 * ak_quiz_session_get_passed:
 *
 * Returns: whether the points reached so far meet the quiz's pass mark
 */
gboolean
ak_quiz_session_get_passed (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);

  return ak_quiz_is_passed (self->quiz, ak_quiz_session_get_points (self),
                            ak_quiz_session_get_max_points (self));
}

/**
 * ak_quiz_session_list_missed:
 *
 * Returns: (transfer full): the questions not answered fully right (or
 *   not answered at all), in the order asked
 */
GStrv
ak_quiz_session_list_missed (AkQuizSession *self)
{
  g_autoptr(GStrvBuilder) builder = NULL;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < self->questions->len; i++)
    {
      QuestionState *state = g_ptr_array_index (self->questions, i);

      if (!state->answered || ak_verdict_from_score (state->score) != AK_VERDICT_RIGHT)
        g_strv_builder_add (builder, state->question->id);
    }
  return g_strv_builder_end (builder);
}

gboolean
ak_quiz_session_get_finished (AkQuizSession *self)
{
  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  return self->finished;
}

/**
 * ak_quiz_session_finish:
 *
 * Ends the attempt with its score and pass, in the store; questions not
 * answered count 0. In exam mode the feedback is given from now on.
 * Finishing twice does nothing.
 *
 * Returns: %TRUE when finished; %FALSE with @error set when the store
 *   failed, and the attempt stays open
 */
gboolean
ak_quiz_session_finish (AkQuizSession  *self,
                        GError        **error)
{
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->finished)
    return TRUE;

  store = get_store (self);
  if (store != NULL && self->attempt_id != 0)
    {
      double max = ak_quiz_session_get_max_points (self);
      double points = CLAMP (ak_quiz_session_get_points (self), 0.0, max);

      if (!ak_progress_store_finish_attempt (store, self->attempt_id, points, max,
                                             ak_quiz_session_get_passed (self), error))
        return FALSE;
    }

  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  return TRUE;
}

/**
 * ak_quiz_session_abandon:
 *
 * Ends the attempt without a score, for starting the quiz over: the next
 * ak_quiz_session_new() starts a new attempt. The answers given stay in
 * the history.
 *
 * Returns: %TRUE when abandoned; %FALSE with @error set when the store failed
 */
gboolean
ak_quiz_session_abandon (AkQuizSession  *self,
                         GError        **error)
{
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_QUIZ_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->finished)
    return TRUE;

  store = get_store (self);
  if (store != NULL && self->attempt_id != 0
      && !ak_progress_store_abandon_attempt (store, self->attempt_id, error))
    return FALSE;

  self->finished = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINISHED]);
  return TRUE;
}
