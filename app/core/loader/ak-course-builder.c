/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-builder.h"

#include <string.h>

#include "ak-course-checks.h"
#include "ak-course-private.h"

/*
 * Running text becomes Pango markup and plain text at once. White space
 * from pretty printing is folded: each run becomes one space, and none is
 * kept at the start or the end.
 */
typedef struct
{
  GString  *markup;
  GString  *text;
  gboolean  started;    /* something was written, so later white space counts */
  gboolean  space;      /* white space waits for the next content */
} Inline;

static void
inline_init (Inline *self)
{
  self->markup = g_string_new (NULL);
  self->text = g_string_new (NULL);
  self->started = FALSE;
  self->space = FALSE;
}

static void
inline_clear (Inline *self)
{
  g_string_free (self->markup, TRUE);
  g_string_free (self->text, TRUE);
}

static char *
inline_steal_markup (Inline *self)
{
  char *markup = g_string_free (self->markup, FALSE);

  self->markup = g_string_new (NULL);
  return markup;
}

static char *
inline_steal_text (Inline *self)
{
  char *text = g_string_free (self->text, FALSE);

  self->text = g_string_new (NULL);
  return text;
}

static void
inline_flush_space (Inline *self)
{
  if (self->space && self->started)
    {
      g_string_append_c (self->markup, ' ');
      g_string_append_c (self->text, ' ');
    }
  self->space = FALSE;
}

static void
inline_append_text (Inline     *self,
                    const char *content)
{
  const char *p = content;

  while (*p != '\0')
    {
      const char *start = p;

      if (ak_xml_is_space (*p))
        {
          while (ak_xml_is_space (*p))
            p++;
          self->space = TRUE;
          continue;
        }

      while (*p != '\0' && !ak_xml_is_space (*p))
        p++;
      inline_flush_space (self);
      {
        g_autofree char *escaped = g_markup_escape_text (start, p - start);

        g_string_append (self->markup, escaped);
      }
      g_string_append_len (self->text, start, p - start);
      self->started = TRUE;
    }
}

static void inline_append_children (Inline *self, xmlNode *parent);

/* Text, or emphasis around running text; anything else is not running text. */
static void
inline_append_node (Inline  *self,
                    xmlNode *node)
{
  const char *tag = NULL;

  if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE)
    inline_append_text (self, (const char *)node->content);
  else if (ak_xml_is_element (node, "em"))
    tag = "i";
  else if (ak_xml_is_element (node, "strong"))
    tag = "b";

  if (tag != NULL)
    {
      inline_flush_space (self);
      g_string_append_printf (self->markup, "<%s>", tag);
      inline_append_children (self, node);
      g_string_append_printf (self->markup, "</%s>", tag);
    }
}

static void
inline_append_children (Inline  *self,
                        xmlNode *parent)
{
  for (xmlNode *child = parent->children; child; child = child->next)
    inline_append_node (self, child);
}

/* The markup of running text, and its plain text when @text is given. */
static char *
build_markup (xmlNode  *element,
              char    **text)
{
  Inline writer;
  char *markup;

  if (element == NULL)
    {
      if (text != NULL)
        *text = NULL;
      return NULL;
    }

  inline_init (&writer);
  inline_append_children (&writer, element);
  markup = inline_steal_markup (&writer);
  if (text != NULL)
    *text = inline_steal_text (&writer);
  inline_clear (&writer);
  return markup;
}

static char *
build_text (xmlNode *element)
{
  Inline writer;
  char *text;

  inline_init (&writer);
  inline_append_children (&writer, element);
  text = inline_steal_text (&writer);
  inline_clear (&writer);
  return text;
}

static char *
dup_attribute (xmlNode    *element,
               const char *name)
{
  return g_strdup (ak_xml_get_attribute (element, name));
}

static AkSource *
build_source (xmlNode *element)
{
  AkSource *source = ak_source_new ();
  g_autoptr(GStrvBuilder) authors = g_strv_builder_new ();

  source->id = dup_attribute (element, "id");
  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    {
      g_autofree char *text = build_text (child);

      if (ak_xml_is_element (child, "author"))
        g_strv_builder_add (authors, text);
      else if (ak_xml_is_element (child, "title"))
        source->title = g_steal_pointer (&text);
      else if (ak_xml_is_element (child, "publication"))
        source->publication = g_steal_pointer (&text);
      else if (ak_xml_is_element (child, "year"))
        ak_xml_parse_year (text, &source->year);
      else if (ak_xml_is_element (child, "url"))
        source->url = g_steal_pointer (&text);
    }
  source->authors = g_strv_builder_end (authors);
  return source;
}

static AkBlock *
build_list (xmlNode *element)
{
  AkBlock *block = ak_block_new (AK_BLOCK_LIST);
  g_autoptr(GStrvBuilder) items = g_strv_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  block->numbered = g_strcmp0 (ak_xml_get_attribute (element, "style"), "numbers") == 0;
  for (xmlNode *item = ak_xml_first_element (element); item; item = ak_xml_next_element (item))
    {
      g_autofree char *item_text = NULL;
      g_autofree char *markup = build_markup (item, &item_text);

      g_strv_builder_add (items, markup);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, item_text);
    }
  block->items = g_strv_builder_end (items);
  block->text = g_string_free (g_steal_pointer (&text), FALSE);
  return block;
}

static AkBlock *
build_block (xmlNode    *element,
             const char *course_dir)
{
  AkBlock *block;

  if (ak_xml_is_element (element, "list"))
    return build_list (element);

  if (ak_xml_is_element (element, "figure"))
    {
      block = ak_block_new (AK_BLOCK_FIGURE);
      ak_course_resolve_figure (course_dir, ak_xml_get_attribute (element, "src"),
                                &block->figure_path);
      block->alt = dup_attribute (element, "alt");
      block->markup = build_markup (ak_xml_find_element (element, "caption"), &block->text);
      return block;
    }

  if (ak_xml_is_element (element, "thesis"))
    {
      block = ak_block_new (AK_BLOCK_THESIS);
      block->id = dup_attribute (element, "id");
    }
  else if (ak_xml_is_element (element, "quote"))
    {
      block = ak_block_new (AK_BLOCK_QUOTE);
      block->page = dup_attribute (element, "page");
    }
  else
    block = ak_block_new (AK_BLOCK_PARAGRAPH);

  block->source_id = dup_attribute (element, "source");
  block->markup = build_markup (element, &block->text);
  return block;
}

static AkLesson *
build_lesson (xmlNode    *element,
              const char *course_dir)
{
  AkLesson *lesson = ak_lesson_new ();

  lesson->id = dup_attribute (element, "id");
  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    {
      AkSection *section;

      if (ak_xml_is_element (child, "title"))
        {
          lesson->title = build_text (child);
          continue;
        }

      section = ak_section_new ();
      section->id = dup_attribute (child, "id");
      for (xmlNode *block = ak_xml_first_element (child); block;
           block = ak_xml_next_element (block))
        {
          if (ak_xml_is_element (block, "title"))
            section->title = build_text (block);
          else
            g_ptr_array_add (section->blocks, build_block (block, course_dir));
        }
      g_ptr_array_add (lesson->sections, section);
    }
  return lesson;
}

static AkChoice *
build_choice (xmlNode *element)
{
  AkChoice *choice = ak_choice_new ();

  choice->id = dup_attribute (element, "id");
  choice->markup = build_markup (element, &choice->text);
  choice->correct = ak_xml_parse_boolean (ak_xml_get_attribute (element, "correct"));
  return choice;
}

static GStrv
build_accepted (xmlNode *parent)
{
  g_autoptr(GStrvBuilder) accepted = g_strv_builder_new ();

  for (xmlNode *child = ak_xml_first_element (parent); child; child = ak_xml_next_element (child))
    if (ak_xml_is_element (child, "accept"))
      {
        g_autofree char *text = build_text (child);

        g_strv_builder_add (accepted, text);
      }
  return g_strv_builder_end (accepted);
}

static void
add_text_segment (AkQuestion *question,
                  Inline     *writer)
{
  AkSegment *segment;

  if (writer->markup->len == 0)
    return;
  segment = ak_segment_new ();
  segment->markup = inline_steal_markup (writer);
  g_ptr_array_add (question->segments, segment);
}

/* Gap text: markup runs and gaps, in reading order. The white space next
 * to a gap belongs to the text around it. */
static void
build_gap_text (AkQuestion *question,
                xmlNode    *text)
{
  Inline writer;

  inline_init (&writer);
  for (xmlNode *child = text->children; child; child = child->next)
    {
      AkGap *gap;
      AkSegment *segment;

      if (!ak_xml_is_element (child, "gap"))
        {
          inline_append_node (&writer, child);
          continue;
        }

      inline_flush_space (&writer);
      add_text_segment (question, &writer);

      gap = ak_gap_new ();
      gap->id = dup_attribute (child, "id");
      gap->accepted = build_accepted (child);
      gap->umlaut_spellings = ak_xml_parse_boolean (ak_xml_get_attribute (child,
                                                                          "umlaut-spellings"));
      g_ptr_array_add (question->gaps, gap);

      segment = ak_segment_new ();
      segment->gap = gap;
      g_ptr_array_add (question->segments, segment);
      writer.started = TRUE;
    }
  add_text_segment (question, &writer);
  inline_clear (&writer);
}

static void
build_feedback (AkQuestion *question,
                xmlNode    *element)
{
  const char *choice_id = ak_xml_get_attribute (element, "choice");
  char *markup = build_markup (element, NULL);

  if (question->type == AK_QUESTION_TRUE_FALSE)
    {
      if (g_strcmp0 (choice_id, "true") == 0)
        question->feedback_true = markup;
      else
        question->feedback_false = markup;
      return;
    }

  for (guint i = 0; i < question->choices->len; i++)
    {
      AkChoice *choice = g_ptr_array_index (question->choices, i);

      if (g_strcmp0 (choice->id, choice_id) == 0)
        {
          g_free (choice->feedback);
          choice->feedback = g_steal_pointer (&markup);
          break;
        }
    }
  g_free (markup);
}

static AkPair *
build_pair (xmlNode *element)
{
  AkPair *pair = ak_pair_new ();

  pair->id = dup_attribute (element, "id");
  pair->left_markup = build_markup (ak_xml_find_element (element, "left"), NULL);
  pair->right_markup = build_markup (ak_xml_find_element (element, "right"), NULL);
  return pair;
}

static void
build_question_attributes (AkQuestion *question,
                           xmlNode    *element)
{
  const char *points = ak_xml_get_attribute (element, "points");
  const char *tolerance = ak_xml_get_attribute (element, "tolerance");

  question->id = dup_attribute (element, "id");
  question->tests = ak_xml_split_list (ak_xml_get_attribute (element, "tests"));
  if (points != NULL)
    ak_xml_parse_uint (points, &question->points);

  question->keep_order = ak_xml_parse_boolean (ak_xml_get_attribute (element, "keep-order"));
  question->answer = ak_xml_parse_boolean (ak_xml_get_attribute (element, "answer"));
  question->umlaut_spellings = ak_xml_parse_boolean (ak_xml_get_attribute (element,
                                                                           "umlaut-spellings"));
  if (question->type == AK_QUESTION_NUMERIC)
    {
      ak_xml_parse_decimal (ak_xml_get_attribute (element, "value"), &question->value);
      if (tolerance != NULL)
        ak_xml_parse_decimal (tolerance, &question->tolerance);
      question->unit = dup_attribute (element, "unit");
    }
}

static AkQuestion *
build_question (xmlNode *element)
{
  AkQuestionType type = AK_QUESTION_SINGLE_CHOICE;
  AkQuestion *question;

  for (guint i = 0; i < AK_N_QUESTION_TYPES; i++)
    if (ak_xml_is_element (element, ak_question_type_to_string (i)))
      type = i;

  question = ak_question_new (type);
  build_question_attributes (question, element);
  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "prompt"))
        question->prompt = build_markup (child, &question->prompt_text);
      else if (ak_xml_is_element (child, "explanation"))
        question->explanation = build_markup (child, NULL);
      else if (ak_xml_is_element (child, "choice"))
        g_ptr_array_add (question->choices, build_choice (child));
      else if (ak_xml_is_element (child, "feedback"))
        build_feedback (question, child);
      else if (ak_xml_is_element (child, "text"))
        build_gap_text (question, child);
      else if (ak_xml_is_element (child, "item"))
        g_ptr_array_add (question->items, build_choice (child));
      else if (ak_xml_is_element (child, "pair"))
        g_ptr_array_add (question->pairs, build_pair (child));
      else if (ak_xml_is_element (child, "distractor"))
        g_ptr_array_add (question->distractors, build_choice (child));
    }
  if (type == AK_QUESTION_SHORT_ANSWER)
    question->accepted = build_accepted (element);

  ak_question_update_hash (question);
  return question;
}

static AkQuiz *
build_quiz (xmlNode *element)
{
  AkQuiz *quiz = ak_quiz_new ();
  gint64 pass_mark = 0;

  quiz->id = dup_attribute (element, "id");
  ak_xml_parse_integer (ak_xml_get_attribute (element, "pass-mark"), &pass_mark);
  quiz->pass_mark = (guint)CLAMP (pass_mark, 0, 100);
  quiz->shuffle = ak_xml_parse_boolean (ak_xml_get_attribute (element, "shuffle"));
  quiz->certifying = ak_xml_parse_boolean (ak_xml_get_attribute (element, "certifying"));

  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "title"))
        quiz->title = build_text (child);
      else if (ak_xml_is_element (child, "description"))
        quiz->description = build_markup (child, NULL);
      else
        g_ptr_array_add (quiz->questions, build_question (child));
    }
  ak_quiz_update_hash (quiz);
  return quiz;
}

static void
note_position (AkXmlDocument *document,
               AkCourse      *course,
               gconstpointer  part,
               xmlNode       *element,
               const char    *attribute)
{
  gsize offset = ak_xml_document_attribute_offset (document, element, attribute);
  guint line;
  guint column;

  if (offset == AK_XML_NO_OFFSET)
    return;
  ak_xml_text_locate (&document->text, offset, &line, &column);
  ak_course_set_position (course, part, line, column);
}

/* The library checks "course:thesis" references once every file is
 * loaded; it finds their places here. */
static void
note_reference_positions (AkXmlDocument *document,
                          AkCourse      *course,
                          xmlNode       *element,
                          AkQuiz        *quiz)
{
  guint i = 0;

  for (xmlNode *child = ak_xml_first_element (element); child; child = ak_xml_next_element (child))
    {
      AkQuestion *question;

      if (ak_xml_is_element (child, "title") || ak_xml_is_element (child, "description"))
        continue;
      if (i >= quiz->questions->len)
        break;
      question = g_ptr_array_index (quiz->questions, i++);
      for (guint k = 0; question->tests != NULL && question->tests[k] != NULL; k++)
        if (strchr (question->tests[k], ':') != NULL)
          {
            note_position (document, course, question, child, "tests");
            break;
          }
    }
}

/**
 * ak_course_build:
 * @document: a document that passed the schema and ak_course_check()
 * @path: the path to give the course
 * @course_dir: the absolute path of the course's folder, for figures
 *
 * Returns: (transfer full): the course
 */
AkCourse *
ak_course_build (AkXmlDocument *document,
                 const char    *path,
                 const char    *course_dir)
{
  xmlNode *root = ak_xml_document_get_root (document);
  AkCourse *course = ak_course_new ();
  xmlNode *last_quiz = NULL;

  course->id = dup_attribute (root, "id");
  course->version = dup_attribute (root, "version");
  course->language = dup_attribute (root, "xml:lang");
  ak_xml_parse_uint (ak_xml_get_attribute (root, "minutes"), &course->minutes);
  course->path = g_strdup (path);
  note_position (document, course, course, root, "id");

  for (xmlNode *child = ak_xml_first_element (root); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "title"))
        course->title = build_text (child);
      else if (ak_xml_is_element (child, "summary"))
        course->summary = build_markup (child, &course->summary_text);
      else if (ak_xml_is_element (child, "source"))
        g_ptr_array_add (course->sources, build_source (child));
      else if (ak_xml_is_element (child, "lesson"))
        g_ptr_array_add (course->lessons, build_lesson (child, course_dir));
      else if (ak_xml_is_element (child, "quiz"))
        {
          AkQuiz *quiz = build_quiz (child);

          g_ptr_array_add (course->quizzes, quiz);
          note_reference_positions (document, course, child, quiz);
          last_quiz = child;
        }
    }
  /* The last quiz is the final exam and certifies unless its file says
   * otherwise. */
  if (last_quiz != NULL && ak_xml_get_attribute (last_quiz, "certifying") == NULL)
    {
      AkQuiz *quiz = g_ptr_array_index (course->quizzes, course->quizzes->len - 1);

      quiz->certifying = TRUE;
    }
  return course;
}
