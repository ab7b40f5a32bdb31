/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-context.h"
#include "ak-review-queue.h"

struct _AkContext
{
  GObject          parent_instance;

  AkCourseLibrary *library;
  AkProgressStore *store;
  GSettings       *settings;
  AkClock         *clock;
  AkReviewQueue   *review_queue;  /* made on first use */
};

G_DEFINE_FINAL_TYPE (AkContext, ak_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LIBRARY,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_CLOCK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ak_context_constructed (GObject *object)
{
  AkContext *self = (AkContext *)object;

  G_OBJECT_CLASS (ak_context_parent_class)->constructed (object);

  if (self->clock == NULL)
    self->clock = g_object_ref (ak_clock_get_default ());
  /* The dates of the learner's progress come from the same clock as
   * everything else the pages measure. */
  if (self->store != NULL)
    ak_progress_store_set_clock (self->store, self->clock);
}

static void
ak_context_finalize (GObject *object)
{
  AkContext *self = (AkContext *)object;

  g_clear_object (&self->review_queue);
  g_clear_object (&self->library);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->clock);

  G_OBJECT_CLASS (ak_context_parent_class)->finalize (object);
}

static void
ak_context_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AkContext *self = AK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_CLOCK:
      g_value_set_object (value, self->clock);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_context_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AkContext *self = AK_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_CLOCK:
      self->clock = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ak_context_class_init (AkContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ak_context_constructed;
  object_class->finalize = ak_context_finalize;
  object_class->get_property = ak_context_get_property;
  object_class->set_property = ak_context_set_property;

  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         AK_TYPE_COURSE_LIBRARY,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* NULL when progress cannot be saved: the learner can still study. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         AK_TYPE_PROGRESS_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLOCK] =
    g_param_spec_object ("clock", NULL, NULL,
                         AK_TYPE_CLOCK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ak_context_init (AkContext *self)
{
}

/**
 * ak_context_new:
 * @library: (nullable): the course library
 * @store: (nullable): the progress store; %NULL when progress cannot be saved
 * @settings: (nullable): the application's settings; %NULL where there
 *   are none, as in the core's tests
 * @clock: (nullable): the clock; %NULL for the system clock
 *
 * Returns: (transfer full): a new context
 */
AkContext *
ak_context_new (AkCourseLibrary *library,
                AkProgressStore *store,
                GSettings       *settings,
                AkClock         *clock)
{
  g_return_val_if_fail (library == NULL || AK_IS_COURSE_LIBRARY (library), NULL);
  g_return_val_if_fail (store == NULL || AK_IS_PROGRESS_STORE (store), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (clock == NULL || AK_IS_CLOCK (clock), NULL);

  return g_object_new (AK_TYPE_CONTEXT,
                       "library", library,
                       "store", store,
                       "settings", settings,
                       "clock", clock,
                       NULL);
}

/**
 * ak_context_get_library:
 *
 * Returns: (transfer none) (nullable): the course library
 */
AkCourseLibrary *
ak_context_get_library (AkContext *self)
{
  g_return_val_if_fail (AK_IS_CONTEXT (self), NULL);
  return self->library;
}

/**
 * ak_context_get_store:
 *
 * Returns: (transfer none) (nullable): the progress store, %NULL when
 *   progress cannot be saved
 */
AkProgressStore *
ak_context_get_store (AkContext *self)
{
  g_return_val_if_fail (AK_IS_CONTEXT (self), NULL);
  return self->store;
}

/**
 * ak_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
ak_context_get_settings (AkContext *self)
{
  g_return_val_if_fail (AK_IS_CONTEXT (self), NULL);
  return self->settings;
}

/**
 * ak_context_get_clock:
 *
 * Returns: (transfer none): the clock; never %NULL
 */
AkClock *
ak_context_get_clock (AkContext *self)
{
  g_return_val_if_fail (AK_IS_CONTEXT (self), NULL);
  return self->clock;
}

/**
 * ak_context_lookup_course:
 *
 * Returns: (transfer none) (nullable): the course with @course_id in the
 *   library, if there is a library and the course is in it
 */
AkCourse *
ak_context_lookup_course (AkContext  *self,
                          const char *course_id)
{
  g_return_val_if_fail (AK_IS_CONTEXT (self), NULL);
  g_return_val_if_fail (course_id != NULL, NULL);

  if (self->library == NULL)
    return NULL;
  return ak_course_library_lookup (self->library, course_id);
}

/**
 * ak_context_get_review_queue:
 *
 * The questions due for review across the library, shared by everything
 * that counts them, so that the library's questions are indexed once and
 * not again for every count. The daily limit is the settings' one; call
 * ak_review_queue_refresh() before reading it.
 *
 * Returns: (transfer none) (nullable): the queue, or %NULL without a store
 */
AkReviewQueue *
ak_context_get_review_queue (AkContext *self)
{
  g_return_val_if_fail (AK_IS_CONTEXT (self), NULL);

  if (self->store == NULL || self->library == NULL)
    return NULL;
  if (self->review_queue == NULL)
    self->review_queue = ak_review_queue_new (self->store, G_LIST_MODEL (self->library));
  if (self->settings != NULL)
    ak_review_queue_set_daily_limit (self->review_queue,
                                     g_settings_get_uint (self->settings, "review-daily-limit"));
  return self->review_queue;
}
