/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-review-queue.h"

#include <math.h>
#include <string.h>

#include "ak-progress-store-private.h"

/* A loaded course and its questions by id, to look up what the store
 * names without walking the course for each memory state. */
typedef struct
{
  AkCourse   *course;
  GHashTable *questions;   /* question id → Entry */
} CourseIndex;

typedef struct
{
  const AkQuiz     *quiz;
  const AkQuestion *question;
} Entry;

/*
 * The questions by a 64-bit hash of course and question id, in one flat
 * table: the walk over thousands of due states after a break looks each
 * up, and comparing two numbers in one array is much cheaper than
 * following pointers to two strings. Two ids with the same 64-bit hash
 * among a learner's questions are as likely as a cosmic ray.
 */
typedef struct
{
  guint64      hash;     /* 0: empty */
  const Entry *entry;
  AkCourse    *course;
} Slot;

static guint64
key_hash (const char *course_id,
          const char *question_id)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);   /* FNV-1a */

  for (const guchar *p = (const guchar *)course_id; *p != '\0'; p++)
    hash = (hash ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  hash = (hash ^ 0x1f) * G_GUINT64_CONSTANT (0x100000001b3);
  for (const guchar *p = (const guchar *)question_id; *p != '\0'; p++)
    hash = (hash ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  return hash != 0 ? hash : 1;
}

static const Slot *
find_slot (const Slot *slots,
           gsize       mask,
           guint64     hash)
{
  for (gsize i = (gsize)hash & mask; slots[i].hash != 0; i = (i + 1) & mask)
    if (slots[i].hash == hash)
      return &slots[i];
  return NULL;
}

struct _AkReviewQueue
{
  GObject          parent_instance;

  AkProgressStore *store;
  GListModel      *courses;
  GHashTable      *index;          /* course id → CourseIndex; NULL: to be built */
  Slot            *slots;          /* the same questions by key_hash(), for the due walk */
  gsize            slot_mask;
  guint            limit;
  gint64           today;
  GArray          *due;            /* AkReviewItem, in the order to ask: today's share */
  guint            n_due;
  guint            n_done_today;
  guint            forecast[AK_REVIEW_FORECAST_DAYS];
};

G_DEFINE_FINAL_TYPE (AkReviewQueue, ak_review_queue, G_TYPE_OBJECT)

static void
build_slots (AkReviewQueue *self)
{
  GHashTableIter courses;
  gpointer value;
  gsize n = 0, size = 16;

  g_hash_table_iter_init (&courses, self->index);
  while (g_hash_table_iter_next (&courses, NULL, &value))
    n += g_hash_table_size (((CourseIndex *)value)->questions);
  while (size < 2 * n)
    size *= 2;
  g_free (self->slots);
  self->slots = g_new0 (Slot, size);
  self->slot_mask = size - 1;

  g_hash_table_iter_init (&courses, self->index);
  while (g_hash_table_iter_next (&courses, NULL, &value))
    {
      CourseIndex *course = value;
      GHashTableIter questions;
      gpointer key, entry;

      g_hash_table_iter_init (&questions, course->questions);
      while (g_hash_table_iter_next (&questions, &key, &entry))
        {
          guint64 hash = key_hash (ak_course_get_id (course->course), key);
          gsize i = (gsize)hash & self->slot_mask;

          while (self->slots[i].hash != 0 && self->slots[i].hash != hash)
            i = (i + 1) & self->slot_mask;
          self->slots[i].hash = hash;
          self->slots[i].entry = entry;
          self->slots[i].course = course->course;
        }
    }
}

static void
course_index_free (CourseIndex *index)
{
  g_object_unref (index->course);
  g_hash_table_unref (index->questions);
  g_free (index);
}

static GHashTable *
build_index (GListModel *courses)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                             (GDestroyNotify)course_index_free);
  guint n = courses != NULL ? g_list_model_get_n_items (courses) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (courses, i);
      GPtrArray *quizzes;
      CourseIndex *entry;

      /* The library keeps one course per id; the first one counts. */
      if (course == NULL || g_hash_table_contains (index, ak_course_get_id (course)))
        continue;
      entry = g_new0 (CourseIndex, 1);
      entry->course = g_object_ref (course);
      entry->questions = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      quizzes = ak_course_get_quizzes (course);
      for (guint q = 0; q < quizzes->len; q++)
        {
          AkQuiz *quiz = g_ptr_array_index (quizzes, q);

          for (guint k = 0; k < quiz->questions->len; k++)
            {
              AkQuestion *question = g_ptr_array_index (quiz->questions, k);
              Entry *found = g_new (Entry, 1);

              if (g_hash_table_contains (entry->questions, question->id))
                {
                  g_free (found);
                  continue;
                }
              found->quiz = quiz;
              found->question = question;
              g_hash_table_insert (entry->questions, question->id, found);
            }
        }
      g_hash_table_insert (index, (gpointer)ak_course_get_id (course), entry);
    }
  return index;
}

static const Entry *
lookup (GHashTable  *index,
        const char  *course_id,
        const char  *question_id,
        AkCourse   **course)
{
  CourseIndex *entry = g_hash_table_lookup (index, course_id);

  if (entry == NULL)
    return NULL;
  if (course != NULL)
    *course = entry->course;
  return g_hash_table_lookup (entry->questions, question_id);
}

static void
courses_changed_cb (AkReviewQueue *self)
{
  g_clear_pointer (&self->index, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_free);
}

static void
ak_review_queue_dispose (GObject *object)
{
  AkReviewQueue *self = (AkReviewQueue *)object;

  if (self->courses != NULL)
    g_signal_handlers_disconnect_by_func (self->courses, courses_changed_cb, self);
  g_clear_object (&self->courses);
  g_clear_object (&self->store);
  if (self->due != NULL)
    g_array_set_size (self->due, 0);
  g_clear_pointer (&self->index, g_hash_table_unref);

  G_OBJECT_CLASS (ak_review_queue_parent_class)->dispose (object);
}

static void
ak_review_queue_finalize (GObject *object)
{
  AkReviewQueue *self = (AkReviewQueue *)object;

  g_clear_pointer (&self->due, g_array_unref);
  g_free (self->slots);

  G_OBJECT_CLASS (ak_review_queue_parent_class)->finalize (object);
}

static void
ak_review_queue_class_init (AkReviewQueueClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ak_review_queue_dispose;
  object_class->finalize = ak_review_queue_finalize;
}

static void
ak_review_queue_init (AkReviewQueue *self)
{
  self->limit = AK_REVIEW_DEFAULT_DAILY_LIMIT;
  self->due = g_array_new (FALSE, FALSE, sizeof (AkReviewItem));
}

/**
 * ak_review_queue_new:
 * @courses: a #GListModel of #AkCourse, such as the #AkCourseLibrary
 *
 * Returns: (transfer full): an empty queue; call ak_review_queue_refresh()
 */
AkReviewQueue *
ak_review_queue_new (AkProgressStore *store,
                     GListModel      *courses)
{
  AkReviewQueue *self;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (courses), NULL);

  self = g_object_new (AK_TYPE_REVIEW_QUEUE, NULL);
  self->store = g_object_ref (store);
  self->courses = g_object_ref (courses);
  g_signal_connect_swapped (courses, "items-changed", G_CALLBACK (courses_changed_cb), self);
  return self;
}

/**
 * ak_review_queue_set_daily_limit:
 * @limit: the most reviews a day, counting those done already
 *
 * Takes effect at the next refresh, which sorts only the questions of
 * today's share.
 */
void
ak_review_queue_set_daily_limit (AkReviewQueue *self,
                                 guint          limit)
{
  g_return_if_fail (AK_IS_REVIEW_QUEUE (self));
  self->limit = limit;
}

guint
ak_review_queue_get_daily_limit (AkReviewQueue *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), 0);
  return self->limit;
}

typedef struct
{
  AkReviewQueue *self;
  gint64         today_start;
} Collect;

#define DAY_USEC ((double)G_USEC_PER_SEC * 60 * 60 * 24)

static gboolean
collect_cb (const AkProgressMemory *memory,
            gpointer                user_data)
{
  Collect *collect = user_data;
  AkReviewQueue *self = collect->self;
  guint64 hash = key_hash (memory->course_id, memory->question_id);
  const Slot *slot = find_slot (self->slots, self->slot_mask, hash);
  AkReviewItem item;
  gint64 last_day;

  if (slot == NULL)
    return TRUE;

  if (memory->card.due_day > self->today)
    {
      gint64 ahead = memory->card.due_day - self->today;

      if (ahead <= AK_REVIEW_FORECAST_DAYS)
        self->forecast[ahead - 1]++;
      return TRUE;
    }

  /* The quiz and question are filled in for today's share only. */
  item.course = slot->course;
  item.quiz = NULL;
  item.question = NULL;
  item.entry = slot->entry;
  item.card = memory->card;
  /* Relative overdueness in review days: days since the last review
   * over the days it was scheduled for. The day of the last review is
   * counted back from the start of today, which is cheaper than a time
   * zone lookup per row and is only off within an hour of 4 a.m. on the
   * nights summer time changes. */
  if (memory->card.last_review >= collect->today_start)
    last_day = self->today;
  else
    last_day = self->today
               - (gint64)ceil ((collect->today_start - memory->card.last_review) / DAY_USEC);
  item.overdueness = (double)(self->today - last_day)
                     / (double)MAX (memory->card.due_day - last_day, 1);
  item.band = (gint64)floor (item.overdueness * 100.0);
  item.mix = (guint)(hash >> 32) ^ (guint)hash;
  g_array_append_val (self->due, item);
  return TRUE;
}

/* Most overdue first. Within 1 % of overdueness, courses take turns and
 * questions are mixed, so that a course or a lesson whose questions were
 * learnt together does not come as a block. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const AkReviewItem *x = a;
  const AkReviewItem *y = b;

  if (x->band != y->band)
    return x->band > y->band ? -1 : 1;
  if (x->mix != y->mix)
    return x->mix < y->mix ? -1 : 1;
  return g_strcmp0 (x->question->id, y->question->id);
}

typedef struct
{
  guint turn;      /* the how-manieth question of its course in the band */
  guint ordinal;   /* the course's place in the band */
  guint index;
} Turn;

static int
compare_turns (gconstpointer a,
               gconstpointer b)
{
  const Turn *x = a;
  const Turn *y = b;

  if (x->turn != y->turn)
    return x->turn < y->turn ? -1 : 1;
  if (x->ordinal != y->ordinal)
    return x->ordinal < y->ordinal ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/* Within each 1 % band (in hash order already), the courses take turns
 * in a fixed order: the k-th question of each course comes before any
 * course's (k+1)-th. */
static void
interleave_bands (GArray *items)
{
  g_autoptr(GHashTable) ordinals = g_hash_table_new (NULL, NULL);   /* course → 1 + ordinal */
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);     /* course → questions */
  g_autoptr(GArray) turns = g_array_new (FALSE, FALSE, sizeof (Turn));
  g_autoptr(GArray) band = g_array_new (FALSE, FALSE, sizeof (AkReviewItem));

  for (guint start = 0; start < items->len; )
    {
      gint64 key = g_array_index (items, AkReviewItem, start).band;
      guint end = start;

      g_hash_table_remove_all (ordinals);
      g_hash_table_remove_all (counts);
      g_array_set_size (turns, 0);
      while (end < items->len && g_array_index (items, AkReviewItem, end).band == key)
        {
          AkCourse *course = g_array_index (items, AkReviewItem, end).course;
          guint ordinal = GPOINTER_TO_UINT (g_hash_table_lookup (ordinals, course));
          Turn turn;

          if (ordinal == 0)
            {
              ordinal = g_hash_table_size (ordinals) + 1;
              g_hash_table_insert (ordinals, course, GUINT_TO_POINTER (ordinal));
            }
          turn.turn = GPOINTER_TO_UINT (g_hash_table_lookup (counts, course));
          turn.ordinal = ordinal;
          turn.index = end;
          g_hash_table_insert (counts, course, GUINT_TO_POINTER (turn.turn + 1));
          g_array_append_val (turns, turn);
          end++;
        }

      if (g_hash_table_size (ordinals) > 1)
        {
          g_array_sort (turns, compare_turns);
          g_array_set_size (band, 0);
          for (guint i = 0; i < turns->len; i++)
            g_array_append_val (band, g_array_index (items, AkReviewItem,
                                                     g_array_index (turns, Turn, i).index));
          memcpy (&g_array_index (items, AkReviewItem, start), band->data,
                  band->len * sizeof (AkReviewItem));
        }
      start = end;
    }
}

/* The @k-th largest band (from 1) of @items, by selection: O(n) on
 * average. Items are fewer than G_MAXINT: they come from one table. */
static gint64
kth_largest_band (GArray *items,
                  guint   k)
{
  g_autofree gint64 *bands = g_new (gint64, items->len);
  int low = 0;
  int high = (int)items->len - 1;
  int target = (int)k - 1;

  for (guint i = 0; i < items->len; i++)
    bands[i] = g_array_index (items, AkReviewItem, i).band;
  while (low < high)
    {
      gint64 pivot = bands[low + (high - low) / 2];
      int above = low, i = low, below = high;

      /* Three ways, largest first: [low, above) > pivot, [above, below]
       * = pivot, (below, high] < pivot. */
      while (i <= below)
        {
          gint64 value = bands[i];

          if (value > pivot)
            {
              bands[i++] = bands[above];
              bands[above++] = value;
            }
          else if (value < pivot)
            {
              bands[i] = bands[below];
              bands[below--] = value;
            }
          else
            i++;
        }
      if (target < above)
        high = above - 1;
      else if (target > below)
        low = below + 1;
      else
        return pivot;
    }
  return bands[target];
}

/* Keeps the @k most overdue, and those as overdue as the last of them,
 * so that only today's share is sorted: after a long break thousands may
 * be due, and the learner is asked the limit's worth. */
static void
keep_most_overdue (GArray *items,
                   guint   k)
{
  gint64 threshold;
  guint kept = 0;

  if (k >= items->len)
    return;
  if (k == 0)
    {
      g_array_set_size (items, 0);
      return;
    }
  threshold = kth_largest_band (items, k);
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, AkReviewItem, i).band >= threshold)
      g_array_index (items, AkReviewItem, kept++) = g_array_index (items, AkReviewItem, i);
  g_array_set_size (items, kept);
}

/**
 * ak_review_queue_refresh:
 *
 * Reads the due questions, the reviews done today and the forecast from
 * the store, for the day it is now by the store's clock.
 */
gboolean
ak_review_queue_refresh (AkReviewQueue  *self,
                         GError        **error)
{
  Collect collect = { self, 0 };
  gint64 now;

  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->index == NULL)
    {
      self->index = build_index (self->courses);
      build_slots (self);
    }
  g_array_set_size (self->due, 0);
  memset (self->forecast, 0, sizeof self->forecast);
  self->n_done_today = 0;
  self->n_due = 0;

  now = ak_progress_store_now (self->store);
  self->today = ak_fsrs_day (now, NULL);
  collect.today_start = ak_fsrs_day_start (self->today, NULL);
  if (!ak_progress_store_count_reviews (self->store, collect.today_start, &self->n_done_today,
                                        error)
      || !ak_progress_store_foreach_memory (self->store, self->today + AK_REVIEW_FORECAST_DAYS,
                                            collect_cb, &collect, error))
    {
      g_array_set_size (self->due, 0);
      return FALSE;
    }
  self->n_due = self->due->len;
  keep_most_overdue (self->due, ak_review_queue_get_n_items (self));
  for (guint i = 0; i < self->due->len; i++)
    {
      AkReviewItem *item = &g_array_index (self->due, AkReviewItem, i);
      const Entry *entry = item->entry;

      item->quiz = entry->quiz;
      item->question = entry->question;
    }
  g_array_sort (self->due, compare_items);
  interleave_bands (self->due);
  return TRUE;
}

/**
 * ak_review_queue_get_today:
 *
 * Returns: the review day of the last refresh (see ak_fsrs_day())
 */
gint64
ak_review_queue_get_today (AkReviewQueue *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), 0);
  return self->today;
}

/**
 * ak_review_queue_get_n_due:
 *
 * Returns: the questions due today or earlier, whatever the limit
 */
guint
ak_review_queue_get_n_due (AkReviewQueue *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), 0);
  return self->n_due;
}

/**
 * ak_review_queue_get_n_done_today:
 *
 * Returns: the answers given in the daily review today
 */
guint
ak_review_queue_get_n_done_today (AkReviewQueue *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), 0);
  return self->n_done_today;
}

/**
 * ak_review_queue_get_n_items:
 *
 * Returns: the questions to ask today: those due, up to what is left of
 *   the daily limit
 */
guint
ak_review_queue_get_n_items (AkReviewQueue *self)
{
  guint left;

  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), 0);
  left = self->limit > self->n_done_today ? self->limit - self->n_done_today : 0;
  return MIN (self->n_due, left);
}

/**
 * ak_review_queue_get_item:
 * @index: below ak_review_queue_get_n_items()
 *
 * Returns: (transfer none): the question to ask at @index; valid until
 *   the next refresh
 */
const AkReviewItem *
ak_review_queue_get_item (AkReviewQueue *self,
                          guint          index)
{
  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), NULL);
  g_return_val_if_fail (index < ak_review_queue_get_n_items (self), NULL);
  return &g_array_index (self->due, AkReviewItem, index);
}

/**
 * ak_review_queue_get_forecast:
 *
 * Returns: (array fixed-size=7): how many questions fall due on each of
 *   the next %AK_REVIEW_FORECAST_DAYS days, tomorrow first, if none were
 *   answered before
 */
const guint *
ak_review_queue_get_forecast (AkReviewQueue *self)
{
  g_return_val_if_fail (AK_IS_REVIEW_QUEUE (self), NULL);
  return self->forecast;
}

void
ak_difficult_question_free (AkDifficultQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->course_id);
  g_free (question->course_title);
  g_free (question->quiz_id);
  g_free (question->question_id);
  g_free (question->prompt_text);
  g_free (question->lesson_id);
  g_free (question->lesson_title);
  g_free (question->section_id);
  g_free (question->section_title);
  g_free (question);
}

typedef struct
{
  GHashTable *index;
  GPtrArray  *found;
  guint       min_lapses;
} Difficult;

/* The lesson section that teaches the first thesis @question tests that
 * can be found, in its course or, for "course:thesis", in another. */
static void
find_section (GHashTable          *index,
              AkCourse            *course,
              const AkQuestion    *question,
              AkDifficultQuestion *difficult)
{
  for (guint i = 0; question->tests != NULL && question->tests[i] != NULL; i++)
    {
      const char *reference = question->tests[i];
      const char *colon = strchr (reference, ':');
      AkCourse *home = course;
      const AkLesson *lesson = NULL;
      const AkSection *section = NULL;

      if (colon != NULL)
        {
          g_autofree char *course_id = g_strndup (reference, colon - reference);
          CourseIndex *entry = g_hash_table_lookup (index, course_id);

          home = entry != NULL ? entry->course : NULL;
        }
      if (home != NULL
          && ak_course_find_thesis (home, colon != NULL ? colon + 1 : reference,
                                    &lesson, &section) != NULL)
        {
          difficult->lesson_id = g_strdup (lesson->id);
          difficult->lesson_title = g_strdup (lesson->title);
          difficult->section_id = g_strdup (section->id);
          difficult->section_title = g_strdup (section->title);
          return;
        }
    }
}

static gboolean
difficult_cb (const AkProgressMemory *memory,
              gpointer                user_data)
{
  Difficult *difficult = user_data;
  AkDifficultQuestion *found;
  AkCourse *course = NULL;
  const Entry *entry;

  if (memory->card.lapses < difficult->min_lapses)
    return TRUE;
  entry = lookup (difficult->index, memory->course_id, memory->question_id, &course);
  if (entry == NULL)
    return TRUE;

  found = g_new0 (AkDifficultQuestion, 1);
  found->course_id = g_strdup (memory->course_id);
  found->course_title = g_strdup (ak_course_get_title (course));
  found->quiz_id = g_strdup (entry->quiz->id);
  found->question_id = g_strdup (memory->question_id);
  found->prompt_text = g_strdup (entry->question->prompt_text);
  found->lapses = memory->card.lapses;
  found->reps = memory->card.reps;
  find_section (difficult->index, course, entry->question, found);
  g_ptr_array_add (difficult->found, found);
  return TRUE;
}

static int
compare_difficult (gconstpointer a,
                   gconstpointer b)
{
  const AkDifficultQuestion *x = *(AkDifficultQuestion *const *)a;
  const AkDifficultQuestion *y = *(AkDifficultQuestion *const *)b;
  int order;

  if (x->lapses != y->lapses)
    return x->lapses > y->lapses ? -1 : 1;
  order = g_strcmp0 (x->course_id, y->course_id);
  return order != 0 ? order : g_strcmp0 (x->question_id, y->question_id);
}

/**
 * ak_review_list_difficult:
 * @courses: a #GListModel of #AkCourse
 * @min_lapses: e.g. %AK_REVIEW_DIFFICULT_LAPSES
 *
 * The questions of the loaded courses the learner has forgotten at least
 * @min_lapses times, most often forgotten first, with the lesson section
 * to reread.
 *
 * Returns: (transfer full) (element-type AkDifficultQuestion) (nullable):
 *   the questions, or %NULL with @error set
 */
GPtrArray *
ak_review_list_difficult (AkProgressStore  *store,
                          GListModel       *courses,
                          guint             min_lapses,
                          GError          **error)
{
  g_autoptr(GHashTable) index = NULL;
  g_autoptr(GPtrArray) found = NULL;
  Difficult difficult;

  g_return_val_if_fail (AK_IS_PROGRESS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (courses), NULL);

  index = build_index (courses);
  found = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_difficult_question_free);
  difficult.index = index;
  difficult.found = found;
  difficult.min_lapses = MAX (min_lapses, 1);
  if (!ak_progress_store_foreach_memory (store, G_MAXINT64, difficult_cb, &difficult, error))
    return NULL;
  g_ptr_array_sort (found, compare_difficult);
  return g_steal_pointer (&found);
}
