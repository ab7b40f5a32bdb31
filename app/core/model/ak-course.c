/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ak-course-private.h"

G_DEFINE_FINAL_TYPE (AkCourse, ak_course, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_LANGUAGE,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_SUMMARY_TEXT,
  PROP_MINUTES,
  PROP_PATH,
  PROP_N_SOURCES,
  PROP_N_LESSONS,
  PROP_N_SECTIONS,
  PROP_N_QUIZZES,
  PROP_N_QUESTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ak_source_free (AkSource *source)
{
  g_free (source->id);
  g_strfreev (source->authors);
  g_free (source->title);
  g_free (source->publication);
  g_free (source->url);
  g_free (source);
}

static void
ak_block_free (AkBlock *block)
{
  g_free (block->id);
  g_free (block->markup);
  g_free (block->text);
  g_strfreev (block->items);
  g_free (block->source_id);
  g_free (block->page);
  g_free (block->figure_path);
  g_free (block->alt);
  g_free (block);
}

static void
ak_section_free (AkSection *section)
{
  g_free (section->id);
  g_free (section->title);
  g_ptr_array_unref (section->blocks);
  g_free (section);
}

static void
ak_lesson_free (AkLesson *lesson)
{
  g_free (lesson->id);
  g_free (lesson->title);
  g_ptr_array_unref (lesson->sections);
  g_free (lesson);
}

static void
ak_choice_free (AkChoice *choice)
{
  g_free (choice->id);
  g_free (choice->markup);
  g_free (choice->text);
  g_free (choice->feedback);
  g_free (choice);
}

static void
ak_gap_free (AkGap *gap)
{
  g_free (gap->id);
  g_strfreev (gap->accepted);
  g_free (gap);
}

static void
ak_segment_free (AkSegment *segment)
{
  /* The gap belongs to the question's gap list. */
  g_free (segment->markup);
  g_free (segment);
}

static void
ak_pair_free (AkPair *pair)
{
  g_free (pair->id);
  g_free (pair->left_markup);
  g_free (pair->right_markup);
  g_free (pair);
}

static void
ak_question_free (AkQuestion *question)
{
  g_free (question->id);
  g_free (question->prompt);
  g_free (question->prompt_text);
  g_strfreev (question->tests);
  g_free (question->explanation);
  g_free (question->hash);
  g_ptr_array_unref (question->choices);
  g_free (question->feedback_true);
  g_free (question->feedback_false);
  g_ptr_array_unref (question->segments);
  g_ptr_array_unref (question->gaps);
  g_ptr_array_unref (question->items);
  g_ptr_array_unref (question->pairs);
  g_ptr_array_unref (question->distractors);
  g_strfreev (question->accepted);
  g_free (question->unit);
  g_free (question);
}

static void
ak_quiz_free (AkQuiz *quiz)
{
  g_free (quiz->id);
  g_free (quiz->title);
  g_free (quiz->description);
  g_ptr_array_unref (quiz->questions);
  g_free (quiz->hash);
  g_free (quiz);
}

static void
ak_course_finalize (GObject *object)
{
  AkCourse *self = (AkCourse *)object;

  g_free (self->id);
  g_free (self->version);
  g_free (self->language);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->summary_text);
  g_free (self->path);
  g_ptr_array_unref (self->sources);
  g_ptr_array_unref (self->lessons);
  g_ptr_array_unref (self->quizzes);
  g_clear_pointer (&self->positions, g_hash_table_unref);

  G_OBJECT_CLASS (ak_course_parent_class)->finalize (object);
}

static void
ak_course_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  AkCourse *self = AK_COURSE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_string (value, self->version);
      break;
    case PROP_LANGUAGE:
      g_value_set_string (value, self->language);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;
    case PROP_SUMMARY_TEXT:
      g_value_set_string (value, self->summary_text);
      break;
    case PROP_MINUTES:
      g_value_set_uint (value, self->minutes);
      break;
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_N_SOURCES:
      g_value_set_uint (value, ak_course_get_n_sources (self));
      break;
    case PROP_N_LESSONS:
      g_value_set_uint (value, ak_course_get_n_lessons (self));
      break;
    case PROP_N_SECTIONS:
      g_value_set_uint (value, ak_course_get_n_sections (self));
      break;
    case PROP_N_QUIZZES:
      g_value_set_uint (value, ak_course_get_n_quizzes (self));
      break;
    case PROP_N_QUESTIONS:
      g_value_set_uint (value, ak_course_get_n_questions (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
count_property (const char *name)
{
  return g_param_spec_uint (name, NULL, NULL, 0, G_MAXUINT, 0,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
}

static void
ak_course_class_init (AkCourseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ak_course_finalize;
  object_class->get_property = ak_course_get_property;

  /* All read-only: the loader fills the fields in before anybody sees the
   * course, and a reload makes a new course. */
  properties[PROP_ID] = string_property ("id");
  properties[PROP_VERSION] = string_property ("version");
  properties[PROP_LANGUAGE] = string_property ("language");
  properties[PROP_TITLE] = string_property ("title");
  /* Pango markup */
  properties[PROP_SUMMARY] = string_property ("summary");
  properties[PROP_SUMMARY_TEXT] = string_property ("summary-text");
  properties[PROP_MINUTES] = count_property ("minutes");
  properties[PROP_PATH] = string_property ("path");
  properties[PROP_N_SOURCES] = count_property ("n-sources");
  properties[PROP_N_LESSONS] = count_property ("n-lessons");
  /* Over all lessons */
  properties[PROP_N_SECTIONS] = count_property ("n-sections");
  properties[PROP_N_QUIZZES] = count_property ("n-quizzes");
  /* Over all quizzes */
  properties[PROP_N_QUESTIONS] = count_property ("n-questions");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ak_course_init (AkCourse *self)
{
  self->sources = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_source_free);
  self->lessons = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_lesson_free);
  self->quizzes = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_quiz_free);
}

AkCourse *
ak_course_new (void)
{
  return g_object_new (AK_TYPE_COURSE, NULL);
}

/**
 * ak_course_set_position:
 * @part: the course itself (its id attribute) or one of its questions
 *   (its "tests" attribute)
 *
 * Notes where the loader found @part, so that a problem found later, by
 * looking at other courses, can point at it without reading the file again.
 */
void
ak_course_set_position (AkCourse      *self,
                        gconstpointer  part,
                        guint          line,
                        guint          column)
{
  AkCoursePosition *position = g_new (AkCoursePosition, 1);

  if (self->positions == NULL)
    self->positions = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  position->line = line;
  position->column = column;
  g_hash_table_insert (self->positions, (gpointer)part, position);
}

/**
 * ak_course_get_position:
 *
 * Returns: %TRUE when the loader noted where @part is
 */
gboolean
ak_course_get_position (AkCourse      *self,
                        gconstpointer  part,
                        guint         *line,
                        guint         *column)
{
  AkCoursePosition *position = self->positions != NULL
                               ? g_hash_table_lookup (self->positions, part) : NULL;

  if (position == NULL)
    return FALSE;
  *line = position->line;
  *column = position->column;
  return TRUE;
}

AkSource *
ak_source_new (void)
{
  return g_new0 (AkSource, 1);
}

AkLesson *
ak_lesson_new (void)
{
  AkLesson *lesson = g_new0 (AkLesson, 1);

  lesson->sections = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_section_free);
  return lesson;
}

AkSection *
ak_section_new (void)
{
  AkSection *section = g_new0 (AkSection, 1);

  section->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_block_free);
  return section;
}

AkBlock *
ak_block_new (AkBlockType type)
{
  AkBlock *block = g_new0 (AkBlock, 1);

  block->type = type;
  return block;
}

AkQuiz *
ak_quiz_new (void)
{
  AkQuiz *quiz = g_new0 (AkQuiz, 1);

  quiz->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_question_free);
  return quiz;
}

AkQuestion *
ak_question_new (AkQuestionType type)
{
  AkQuestion *question = g_new0 (AkQuestion, 1);

  question->type = type;
  question->points = 1;
  question->choices = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_choice_free);
  question->segments = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_segment_free);
  question->gaps = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_gap_free);
  question->items = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_choice_free);
  question->pairs = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_pair_free);
  question->distractors = g_ptr_array_new_with_free_func ((GDestroyNotify)ak_choice_free);
  return question;
}

AkChoice *
ak_choice_new (void)
{
  return g_new0 (AkChoice, 1);
}

AkGap *
ak_gap_new (void)
{
  return g_new0 (AkGap, 1);
}

AkSegment *
ak_segment_new (void)
{
  return g_new0 (AkSegment, 1);
}

AkPair *
ak_pair_new (void)
{
  return g_new0 (AkPair, 1);
}

/* Each field is written with its length, so that no two different
 * questions can serialise to the same byte string. */
static void
hash_field (GChecksum  *checksum,
            const char *tag,
            const char *value)
{
  g_autofree char *head = NULL;

  if (value == NULL)
    value = "";
  head = g_strdup_printf ("%s:%zu:", tag, strlen (value));
  g_checksum_update (checksum, (const guchar *)head, -1);
  g_checksum_update (checksum, (const guchar *)value, -1);
}

static void
hash_strv (GChecksum         *checksum,
           const char        *tag,
           const char *const *values)
{
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    hash_field (checksum, tag, values[i]);
}

static void
hash_choices (GChecksum  *checksum,
              const char *tag,
              GPtrArray  *choices)
{
  for (guint i = 0; i < choices->len; i++)
    {
      AkChoice *choice = g_ptr_array_index (choices, i);

      hash_field (checksum, tag, choice->id);
      hash_field (checksum, "text", choice->markup);
      hash_field (checksum, "correct", choice->correct ? "1" : "0");
    }
}

/**
 * ak_question_update_hash:
 *
 * The hash covers what decides a learner's score: type, prompt, choices,
 * answers and points. Explanations and feedback are left out, so that a
 * trainer who rewords an explanation keeps the learners' history attached.
 */
void
ak_question_update_hash (AkQuestion *question)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  hash_field (checksum, "type", ak_question_type_to_string (question->type));
  hash_field (checksum, "prompt", question->prompt);
  g_snprintf (number, sizeof number, "%u", question->points);
  hash_field (checksum, "points", number);
  hash_choices (checksum, "choice", question->choices);
  hash_field (checksum, "answer", question->answer ? "1" : "0");
  for (guint i = 0; i < question->segments->len; i++)
    {
      AkSegment *segment = g_ptr_array_index (question->segments, i);

      if (segment->gap != NULL)
        {
          hash_field (checksum, "gap", segment->gap->id);
          hash_field (checksum, "umlauts", segment->gap->umlaut_spellings ? "1" : "0");
          hash_strv (checksum, "accept", (const char *const *)segment->gap->accepted);
        }
      else
        hash_field (checksum, "segment", segment->markup);
    }
  hash_choices (checksum, "item", question->items);
  for (guint i = 0; i < question->pairs->len; i++)
    {
      AkPair *pair = g_ptr_array_index (question->pairs, i);

      hash_field (checksum, "pair", pair->id);
      hash_field (checksum, "left", pair->left_markup);
      hash_field (checksum, "right", pair->right_markup);
    }
  hash_choices (checksum, "distractor", question->distractors);
  hash_strv (checksum, "accept", (const char *const *)question->accepted);
  hash_field (checksum, "umlauts", question->umlaut_spellings ? "1" : "0");
  if (question->type == AK_QUESTION_NUMERIC)
    {
      hash_field (checksum, "value",
                  g_ascii_dtostr (number, sizeof number, question->value));
      hash_field (checksum, "tolerance",
                  g_ascii_dtostr (number, sizeof number, question->tolerance));
      hash_field (checksum, "unit", question->unit);
    }

  g_free (question->hash);
  question->hash = g_strdup (g_checksum_get_string (checksum));
}

void
ak_quiz_update_hash (AkQuiz *quiz)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < quiz->questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (quiz->questions, i);

      hash_field (checksum, "question", question->id);
      hash_field (checksum, "hash", question->hash);
    }

  g_free (quiz->hash);
  quiz->hash = g_strdup (g_checksum_get_string (checksum));
}

const char *
ak_course_get_id (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->id;
}

const char *
ak_course_get_version (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->version;
}

const char *
ak_course_get_language (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->language;
}

const char *
ak_course_get_title (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->title;
}

const char *
ak_course_get_summary (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->summary;
}

const char *
ak_course_get_summary_text (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->summary_text;
}

guint
ak_course_get_minutes (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), 0);
  return self->minutes;
}

const char *
ak_course_get_path (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->path;
}

GPtrArray *
ak_course_get_sources (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->sources;
}

GPtrArray *
ak_course_get_lessons (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->lessons;
}

GPtrArray *
ak_course_get_quizzes (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  return self->quizzes;
}

guint
ak_course_get_n_sources (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), 0);
  return self->sources->len;
}

guint
ak_course_get_n_lessons (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), 0);
  return self->lessons->len;
}

guint
ak_course_get_n_quizzes (AkCourse *self)
{
  g_return_val_if_fail (AK_IS_COURSE (self), 0);
  return self->quizzes->len;
}

guint
ak_course_get_n_sections (AkCourse *self)
{
  guint n = 0;

  g_return_val_if_fail (AK_IS_COURSE (self), 0);

  for (guint i = 0; i < self->lessons->len; i++)
    n += ((AkLesson *)g_ptr_array_index (self->lessons, i))->sections->len;
  return n;
}

guint
ak_course_get_n_questions (AkCourse *self)
{
  guint n = 0;

  g_return_val_if_fail (AK_IS_COURSE (self), 0);

  for (guint i = 0; i < self->quizzes->len; i++)
    n += ((AkQuiz *)g_ptr_array_index (self->quizzes, i))->questions->len;
  return n;
}

/**
 * ak_course_list_theses:
 *
 * Returns: (transfer container) (element-type AkBlock): the course's
 *   theses in reading order
 */
GPtrArray *
ak_course_list_theses (AkCourse *self)
{
  GPtrArray *theses = g_ptr_array_new ();

  g_return_val_if_fail (AK_IS_COURSE (self), theses);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      AkLesson *lesson = g_ptr_array_index (self->lessons, i);

      for (guint j = 0; j < lesson->sections->len; j++)
        {
          AkSection *section = g_ptr_array_index (lesson->sections, j);

          for (guint k = 0; k < section->blocks->len; k++)
            {
              AkBlock *block = g_ptr_array_index (section->blocks, k);

              if (block->type == AK_BLOCK_THESIS)
                g_ptr_array_add (theses, block);
            }
        }
    }
  return theses;
}

const AkSource *
ak_course_get_source (AkCourse *self,
                      guint     index)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return g_ptr_array_index (self->sources, index);
}

const AkLesson *
ak_course_get_lesson (AkCourse *self,
                      guint     index)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (index < self->lessons->len, NULL);
  return g_ptr_array_index (self->lessons, index);
}

const AkQuiz *
ak_course_get_quiz (AkCourse *self,
                    guint     index)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (index < self->quizzes->len, NULL);
  return g_ptr_array_index (self->quizzes, index);
}

const AkLesson *
ak_course_get_lesson_by_id (AkCourse   *self,
                            const char *lesson_id)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (lesson_id != NULL, NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      AkLesson *lesson = g_ptr_array_index (self->lessons, i);

      if (g_str_equal (lesson->id, lesson_id))
        return lesson;
    }
  return NULL;
}

/**
 * ak_course_find_section:
 * @lesson: (out) (optional): the lesson holding the section
 *
 * Returns: (nullable): the section with @section_id, in whichever lesson
 */
const AkSection *
ak_course_find_section (AkCourse        *self,
                        const char      *section_id,
                        const AkLesson **lesson)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (section_id != NULL, NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      AkLesson *l = g_ptr_array_index (self->lessons, i);

      for (guint j = 0; j < l->sections->len; j++)
        {
          AkSection *section = g_ptr_array_index (l->sections, j);

          if (g_str_equal (section->id, section_id))
            {
              if (lesson != NULL)
                *lesson = l;
              return section;
            }
        }
    }
  return NULL;
}

/**
 * ak_course_find_question:
 * @quiz: (out) (optional): the quiz holding the question
 *
 * Returns: (nullable): the question with @question_id, in whichever quiz
 */
const AkQuestion *
ak_course_find_question (AkCourse      *self,
                         const char    *question_id,
                         const AkQuiz **quiz)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (question_id != NULL, NULL);

  for (guint i = 0; i < self->quizzes->len; i++)
    {
      AkQuiz *q = g_ptr_array_index (self->quizzes, i);
      AkQuestion *question = ak_quiz_find_question (q, question_id);

      if (question != NULL)
        {
          if (quiz != NULL)
            *quiz = q;
          return question;
        }
    }
  return NULL;
}

const AkSource *
ak_course_find_source (AkCourse   *self,
                       const char *source_id)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (source_id != NULL, NULL);

  for (guint i = 0; i < self->sources->len; i++)
    {
      AkSource *source = g_ptr_array_index (self->sources, i);

      if (g_str_equal (source->id, source_id))
        return source;
    }
  return NULL;
}

/**
 * ak_course_find_thesis:
 * @lesson: (out) (optional): the lesson holding the thesis
 * @section: (out) (optional): the section holding the thesis
 *
 * Returns: (nullable): the thesis block with @thesis_id
 */
const AkBlock *
ak_course_find_thesis (AkCourse         *self,
                       const char       *thesis_id,
                       const AkLesson  **lesson,
                       const AkSection **section)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (thesis_id != NULL, NULL);

  for (guint i = 0; i < self->lessons->len; i++)
    {
      AkLesson *l = g_ptr_array_index (self->lessons, i);

      for (guint j = 0; j < l->sections->len; j++)
        {
          AkSection *s = g_ptr_array_index (l->sections, j);

          for (guint k = 0; k < s->blocks->len; k++)
            {
              AkBlock *block = g_ptr_array_index (s->blocks, k);

              if (block->type == AK_BLOCK_THESIS && g_str_equal (block->id, thesis_id))
                {
                  if (lesson != NULL)
                    *lesson = l;
                  if (section != NULL)
                    *section = s;
                  return block;
                }
            }
        }
    }
  return NULL;
}

AkQuiz *
ak_course_find_quiz (AkCourse   *self,
                     const char *quiz_id)
{
  g_return_val_if_fail (AK_IS_COURSE (self), NULL);
  g_return_val_if_fail (quiz_id != NULL, NULL);

  for (guint i = 0; i < self->quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (self->quizzes, i);

      if (g_str_equal (quiz->id, quiz_id))
        return quiz;
    }
  return NULL;
}

static const struct
{
  const char *name;    /* the element name in a course file */
  const char *label;
} question_types[AK_N_QUESTION_TYPES] = {
  [AK_QUESTION_SINGLE_CHOICE] = { "single-choice", N_("Single choice") },
  [AK_QUESTION_MULTIPLE_CHOICE] = { "multiple-choice", N_("Multiple choice") },
  [AK_QUESTION_TRUE_FALSE] = { "true-false", N_("True or false") },
  [AK_QUESTION_GAP_TEXT] = { "gap-text", N_("Gap text") },
  [AK_QUESTION_ORDERING] = { "ordering", N_("Ordering") },
  [AK_QUESTION_MATCHING] = { "matching", N_("Matching") },
  [AK_QUESTION_SHORT_ANSWER] = { "short-answer", N_("Short answer") },
  [AK_QUESTION_NUMERIC] = { "numeric", N_("Numeric answer") },
};

/**
 * ak_question_type_to_string:
 *
 * Returns: the element name of @type in a course file, e.g. "gap-text"
 */
const char *
ak_question_type_to_string (AkQuestionType type)
{
  g_return_val_if_fail (type < AK_N_QUESTION_TYPES, NULL);
  return question_types[type].name;
}

/**
 * ak_question_type_get_label:
 *
 * Returns: the translated name of @type for display
 */
const char *
ak_question_type_get_label (AkQuestionType type)
{
  g_return_val_if_fail (type < AK_N_QUESTION_TYPES, NULL);
  return _(question_types[type].label);
}
