/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-lesson-session.h"

#include <glib/gi18n-lib.h>

struct _AkLessonSession
{
  GObject     parent_instance;

  AkContext  *context;
  AkCourse   *course;
  AkLesson   *lesson;         /* owned by the course */
  char       *section_id;     /* the last section read, nullable */
  gint64      active_since;   /* monotonic; counts while active */
  double      unsaved;        /* seconds counted but not yet in the store */
  double      saved;          /* seconds of this session in the store */

  guint       active : 1;
  guint       completed : 1;
};

G_DEFINE_FINAL_TYPE (AkLessonSession, ak_lesson_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ACTIVE,
  PROP_SECTION_ID,
  PROP_COMPLETED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gint64
now_monotonic (AkLessonSession *self)
{
  return ak_clock_get_monotonic_time (ak_context_get_clock (self->context));
}

/* Moves the time of the running stretch into the unsaved seconds. */
static void
count_time (AkLessonSession *self)
{
  gint64 now;

  if (!self->active)
    return;
  now = now_monotonic (self);
  self->unsaved += MAX (now - self->active_since, 0) / (double)G_USEC_PER_SEC;
  self->active_since = now;
}

static const char *
course_id (AkLessonSession *self)
{
  return ak_course_get_id (self->course);
}

static void
ak_lesson_session_dispose (GObject *object)
{
  AkLessonSession *self = (AkLessonSession *)object;

  /* Closing the lesson keeps the time read, as far as the store lets it. */
  if (self->context != NULL)
    {
      ak_lesson_session_set_active (self, FALSE);
      ak_lesson_session_save_time (self, NULL);
    }

  G_OBJECT_CLASS (ak_lesson_session_parent_class)->dispose (object);
}

static void
ak_lesson_session_finalize (GObject *object)
{
  AkLessonSession *self = (AkLessonSession *)object;

  g_free (self->section_id);
  g_clear_object (&self->course);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ak_lesson_session_parent_class)->finalize (object);
}

static void
ak_lesson_session_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  AkLessonSession *self = AK_LESSON_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    case PROP_SECTION_ID:
      g_value_set_string (value, self->section_id);
      break;
    case PROP_COMPLETED:
      g_value_set_boolean (value, self->completed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_lesson_session_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  AkLessonSession *self = AK_LESSON_SESSION (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      ak_lesson_session_set_active (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_lesson_session_class_init (AkLessonSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ak_lesson_session_dispose;
  object_class->finalize = ak_lesson_session_finalize;
  object_class->get_property = ak_lesson_session_get_property;
  object_class->set_property = ak_lesson_session_set_property;

  /* Whether the learner is reading now: the page is shown in a window
   * that has the focus. Time is counted only then. */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION_ID] =
    g_param_spec_string ("section-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETED] =
    g_param_spec_boolean ("completed", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ak_lesson_session_init (AkLessonSession *self)
{
}

static AkLesson *
find_lesson (AkCourse   *course,
             const char *lesson_id)
{
  GPtrArray *lessons = ak_course_get_lessons (course);

  for (guint i = 0; i < lessons->len; i++)
    {
      AkLesson *lesson = g_ptr_array_index (lessons, i);

      if (g_str_equal (lesson->id, lesson_id))
        return lesson;
    }
  return NULL;
}

static gboolean
has_section (AkLesson   *lesson,
             const char *section_id)
{
  for (guint i = 0; i < lesson->sections->len; i++)
    if (g_str_equal (((AkSection *)g_ptr_array_index (lesson->sections, i))->id, section_id))
      return TRUE;
  return FALSE;
}

/**
 * ak_lesson_session_new:
 *
 * Looks up what the learner has read of the lesson so far; nothing is
 * recorded until ak_lesson_session_open().
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with @error
 *   set when the lesson is not in the course or the store failed
 */
AkLessonSession *
ak_lesson_session_new (AkContext   *context,
                       AkCourse    *course,
                       const char  *lesson_id,
                       GError     **error)
{
  g_autoptr(AkLessonSession) self = NULL;
  g_autoptr(AkLessonProgress) progress = NULL;
  AkProgressStore *store;
  AkLesson *lesson;

  g_return_val_if_fail (AK_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (AK_IS_COURSE (course), NULL);
  g_return_val_if_fail (lesson_id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  lesson = find_lesson (course, lesson_id);
  if (lesson == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("This lesson is no longer in the course."));
      return NULL;
    }

  store = ak_context_get_store (context);
  if (store != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      progress = ak_progress_store_get_lesson (store, ak_course_get_id (course), lesson_id,
                                               &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  self = g_object_new (AK_TYPE_LESSON_SESSION, NULL);
  self->context = g_object_ref (context);
  self->course = g_object_ref (course);
  self->lesson = lesson;
  if (progress != NULL)
    {
      /* A section since removed from the lesson opens it at the start. */
      if (progress->section_id != NULL && has_section (lesson, progress->section_id))
        self->section_id = g_strdup (progress->section_id);
      self->completed = progress->completed != 0;
    }
  return g_steal_pointer (&self);
}

/**
 * ak_lesson_session_get_lesson:
 *
 * Returns: (transfer none): the lesson
 */
AkLesson *
ak_lesson_session_get_lesson (AkLessonSession *self)
{
  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), NULL);
  return self->lesson;
}

/**
 * ak_lesson_session_get_section_id:
 *
 * Returns: (nullable): the section read last, where the lesson opens
 *   again; %NULL to open it at the start
 */
const char *
ak_lesson_session_get_section_id (AkLessonSession *self)
{
  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), NULL);
  return self->section_id;
}

/**
 * ak_lesson_session_get_completed:
 *
 * Returns: whether the learner has read the lesson to the end, now or before
 */
gboolean
ak_lesson_session_get_completed (AkLessonSession *self)
{
  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), FALSE);
  return self->completed;
}

/**
 * ak_lesson_session_open:
 *
 * Records that the learner opened the lesson, at the section read last.
 */
gboolean
ak_lesson_session_open (AkLessonSession  *self,
                        GError          **error)
{
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = ak_context_get_store (self->context);
  return store == NULL
         || ak_progress_store_mark_lesson_opened (store, course_id (self), self->lesson->id,
                                                  self->section_id, error);
}

/**
 * ak_lesson_session_read_section:
 * @section_id: a section of the lesson
 *
 * Records @section_id as the section read last, and the time read so far.
 */
gboolean
ak_lesson_session_read_section (AkLessonSession  *self,
                                const char       *section_id,
                                GError          **error)
{
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), FALSE);
  g_return_val_if_fail (section_id != NULL && has_section (self->lesson, section_id), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = ak_context_get_store (self->context);
  if (store != NULL
      && !ak_progress_store_mark_section_read (store, course_id (self), self->lesson->id,
                                               section_id, error))
    return FALSE;

  if (g_strcmp0 (self->section_id, section_id) != 0)
    {
      g_free (self->section_id);
      self->section_id = g_strdup (section_id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION_ID]);
    }
  return ak_lesson_session_save_time (self, error);
}

/**
 * ak_lesson_session_read_to_end:
 *
 * Records that the learner has read the lesson to its end: it counts as
 * completed from now on.
 */
gboolean
ak_lesson_session_read_to_end (AkLessonSession  *self,
                               GError          **error)
{
  AkProgressStore *store;

  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  store = ak_context_get_store (self->context);
  if (store != NULL
      && !ak_progress_store_mark_lesson_completed (store, course_id (self), self->lesson->id,
                                                   error))
    return FALSE;

  if (!self->completed)
    {
      self->completed = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETED]);
    }
  return ak_lesson_session_save_time (self, error);
}

/**
 * ak_lesson_session_set_active:
 * @active: whether the learner is reading now
 *
 * Time is counted only while the session is active. Going inactive
 * records the time read (a failure to do so is retried next time).
 */
void
ak_lesson_session_set_active (AkLessonSession *self,
                              gboolean         active)
{
  g_return_if_fail (AK_IS_LESSON_SESSION (self));

  active = !!active;
  if (self->active == (guint)active)
    return;

  if (active)
    self->active_since = now_monotonic (self);
  else
    {
      g_autoptr(GError) error = NULL;

      count_time (self);
      if (!ak_lesson_session_save_time (self, &error))
        g_debug ("The reading time could not be saved yet: %s", error->message);
    }
  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
ak_lesson_session_get_active (AkLessonSession *self)
{
  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), FALSE);
  return self->active;
}

/**
 * ak_lesson_session_get_seconds:
 *
 * Returns: the time read in this session, saved or not
 */
double
ak_lesson_session_get_seconds (AkLessonSession *self)
{
  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), 0.0);

  count_time (self);
  return self->saved + self->unsaved;
}

/**
 * ak_lesson_session_save_time:
 *
 * Adds the time read since it was last saved to the lesson and to
 * today's activity.
 */
gboolean
ak_lesson_session_save_time (AkLessonSession  *self,
                             GError          **error)
{
  AkProgressStore *store;
  double seconds;

  g_return_val_if_fail (AK_IS_LESSON_SESSION (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  count_time (self);
  seconds = self->unsaved;
  if (seconds <= 0.0)
    return TRUE;

  store = ak_context_get_store (self->context);
  if (store != NULL
      && !ak_progress_store_add_lesson_seconds (store, course_id (self), self->lesson->id,
                                                seconds, error))
    return FALSE;

  self->unsaved -= seconds;
  self->saved += seconds;
  return TRUE;
}
