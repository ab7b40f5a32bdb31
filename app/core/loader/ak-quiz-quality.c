/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-quiz-quality.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "ak-text-match.h"

/*
 * Warnings about questions that a learner who knows nothing can answer by
 * their form: where the correct choice stands, how long it is, which kind
 * of statement is true, which wrong answer keeps coming back. Patterns are
 * counted for each quiz and, where no quiz shows one alone, over the whole
 * course: a learner works through all its quizzes and carries what they
 * noticed from one to the next, and a single quiz often holds too few
 * questions to tell a habit from chance.
 *
 * The thresholds sit well above what a course whose answers are spread
 * fairly shows: no position holding more than half of the single choices,
 * the correct choice the longest in at most a third of them, 40–60 % true
 * statements, no wrong answer in more than two questions.
 */

/* With fewer single-choice questions a shared position or length is too
 * often chance: with four choices, three questions put the correct one in
 * the same place once in sixteen quizzes. */
#define MIN_SINGLE_CHOICE 4

/* The correct choice stands in one position in at least three quarters of
 * the single-choice questions: "nearly always first". */
#define POSITION_SHARE_NUM 3
#define POSITION_SHARE_DEN 4

/* The correct choice is the strictly longest in more than half of them;
 * with four choices chance makes it so in about a quarter. */
#define LONGEST_SHARE_NUM 1
#define LONGEST_SHARE_DEN 2

/* Choices beyond this many are not counted by position. */
#define MAX_POSITIONS 16

/* Two multiple-choice questions that both put every correct choice
 * first are a habit: with two correct choices of five, chance does that
 * once in a hundred quizzes. */
#define MIN_MULTIPLE_CHOICE 2

/* From three statements on, three quarters of one kind let a learner who
 * always answers "false" (or "true") score most of them. */
#define MIN_TRUE_FALSE 3
#define TRUE_FALSE_SHARE_NUM 3
#define TRUE_FALSE_SHARE_DEN 4

/* A wrong answer that stands in more questions than this is soon known
 * to be wrong, whatever the question. */
#define MAX_WRONG_ANSWER_QUESTIONS 2

/* Absolute words that give a false statement away. A negation in front
 * ("nicht nur", "not always") takes the absoluteness back. */
static const char *const cue_words[] = {
  "nur", "immer", "nie", "niemals", "stets", "ausschließlich", "vollständig", "völlig",
  "garantiert", "getrost", "von selbst",
  "only", "always", "never", "completely", "entirely", "guaranteed", "by itself",
};
static const char *const negations[] = { "nicht", "not" };

/* "immer mehr", "immer wieder", "immer noch": a trend or a repetition,
 * nothing absolute. */
static const char *const gradual_after_immer[] = {
  "mehr", "weniger", "wieder", "noch", "öfter", "häufiger", "seltener", "stärker",
  "schneller", "größer", "besser", "lauter",
};

/* What a prompt says when it wants one word. */
static const char *const one_word_phrases[] = {
  "ein wort", "einem wort", "einzigen wort", "one word", "single word",
};

/* Where the answers of a set of questions lie: of one quiz, or of the
 * whole course. */
typedef struct
{
  guint    n_single;
  guint    at_position[MAX_POSITIONS];
  xmlNode *first_at_position[MAX_POSITIONS];   /* correct <choice> */
  guint    n_longest;
  xmlNode *first_longest;

  guint    n_multiple;       /* with at least one wrong choice */
  guint    n_leading;
  xmlNode *first_leading;

  guint    n_statements[2];  /* false, true */
  xmlNode *first_statement[2];
} Tally;

typedef enum
{
  PATTERN_POSITION,
  PATTERN_LONGEST,
  PATTERN_LEADING,
  PATTERN_ONE_SIDED,
  N_PATTERNS
} Pattern;

typedef struct
{
  AkXmlDocument *document;
  const char    *course_id;
  GHashTable    *section_titles;   /* thesis id → <title> of its section */

  Tally          course;
  Tally          quiz;
  gboolean       found_in_quiz[N_PATTERNS];

  GHashTable    *wrong_answers;    /* normalized text → GPtrArray of elements */
  GPtrArray     *wrong_order;      /* the texts in document order */
} Quality;

static void warn (Quality *self, xmlNode *element, const char *attribute, const char *format,
                  ...) G_GNUC_PRINTF (4, 5);

static void
warn (Quality    *self,
      xmlNode    *element,
      const char *attribute,
      const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  ak_xml_document_report_valist (self->document, element, attribute, AK_SEVERITY_WARNING,
                                 format, args);
  va_end (args);
}

/* The text of an element as answers are compared: case, white space and
 * Unicode forms do not count. */
static char *
normalized_text (xmlNode *element)
{
  g_autofree char *content = (char *)xmlNodeGetContent (element);
  char *normalized = content != NULL ? ak_text_normalize (content, FALSE) : NULL;

  return normalized != NULL ? normalized : g_strdup ("");
}

/* The text as written, spaces collapsed, for quoting in a message. */
static char *
quoted_text (xmlNode *element)
{
  g_autofree char *content = (char *)xmlNodeGetContent (element);
  g_auto(GStrv) parts = g_strsplit_set (content != NULL ? content : "", " \t\r\n", -1);
  GString *out = g_string_new (NULL);
  g_autofree char *collapsed = NULL;

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0')
      {
        if (out->len > 0)
          g_string_append_c (out, ' ');
        g_string_append (out, parts[i]);
      }
  collapsed = g_string_free (out, FALSE);
  return ak_xml_text_ellipsize (collapsed);
}

/* Runs of letters and digits: a hyphen or a quotation mark separates. */
static GStrv
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new ();
  const char *start = NULL;
  const char *p = text;

  while (TRUE)
    {
      gunichar c = *p != '\0' ? g_utf8_get_char (p) : 0;
      gboolean in_word = c != 0 && g_unichar_isalnum (c);

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
      p = g_utf8_next_char (p);
    }
  g_ptr_array_add (words, NULL);
  return (GStrv)g_ptr_array_free (words, FALSE);
}

/* The index of the first place where @needle stands as whole words in
 * @haystack at or after @from, or -1. */
static int
find_words (const char *const *haystack,
            const char *const *needle,
            guint              from)
{
  guint n_haystack = g_strv_length ((GStrv)haystack);
  guint n_needle = g_strv_length ((GStrv)needle);

  if (n_needle == 0)
    return -1;
  for (guint i = from; i + n_needle <= n_haystack; i++)
    {
      guint k = 0;

      while (k < n_needle && g_str_equal (haystack[i + k], needle[k]))
        k++;
      if (k == n_needle)
        return i;
    }
  return -1;
}

static gboolean
contains_phrase (const char *const *words,
                 const char        *phrase)
{
  g_auto(GStrv) needle = split_words (phrase);

  return find_words (words, (const char *const *)needle, 0) >= 0;
}

static gboolean
is_one_of (const char        *word,
           const char *const *list,
           gsize              n_list)
{
  for (gsize i = 0; i < n_list; i++)
    if (g_str_equal (word, list[i]))
      return TRUE;
  return FALSE;
}

/* Whether the cue at @at (of @n_cue words) means what it says. */
static gboolean
is_absolute (const char *const *words,
             guint              at,
             guint              n_cue)
{
  if (at > 0 && is_one_of (words[at - 1], negations, G_N_ELEMENTS (negations)))
    return FALSE;
  if (g_str_equal (words[at], "immer") && words[at + n_cue] != NULL &&
      is_one_of (words[at + n_cue], gradual_after_immer, G_N_ELEMENTS (gradual_after_immer)))
    return FALSE;
  return TRUE;
}

/* The first cue word in @words that no negation takes back, or %NULL. */
static const char *
find_cue_word (const char *const *words)
{
  for (guint i = 0; i < G_N_ELEMENTS (cue_words); i++)
    {
      g_auto(GStrv) needle = split_words (cue_words[i]);
      int at = -1;

      while ((at = find_words (words, (const char *const *)needle, at + 1)) >= 0)
        if (is_absolute (words, at, g_strv_length (needle)))
          return cue_words[i];
    }
  return NULL;
}

static const char *
question_id (xmlNode *question)
{
  const char *id = ak_xml_get_attribute (question, "id");

  return id != NULL ? id : "";
}

static void
note_wrong_answer (Quality *self,
                   xmlNode *element)
{
  g_autofree char *text = normalized_text (element);
  GPtrArray *places;

  if (*text == '\0')
    return;
  places = g_hash_table_lookup (self->wrong_answers, text);
  if (places == NULL)
    {
      places = g_ptr_array_new ();
      g_ptr_array_add (self->wrong_order, text);
      g_hash_table_insert (self->wrong_answers, g_steal_pointer (&text), places);
    }
  /* Counted once per question. */
  if (places->len > 0 &&
      ((xmlNode *)g_ptr_array_index (places, places->len - 1))->parent == element->parent)
    return;
  g_ptr_array_add (places, element);
}

static void
note_single_choice (Quality *self,
                    xmlNode *question)
{
  xmlNode *correct = NULL;
  guint position = 0;
  glong correct_length = 0;
  glong longest_other = -1;
  guint index = 0;

  for (xmlNode *choice = ak_xml_first_element (question); choice;
       choice = ak_xml_next_element (choice))
    {
      g_autofree char *text = NULL;
      glong length;

      if (!ak_xml_is_element (choice, "choice"))
        continue;
      text = normalized_text (choice);
      length = g_utf8_strlen (text, -1);
      if (correct == NULL && ak_xml_parse_boolean (ak_xml_get_attribute (choice, "correct")))
        {
          correct = choice;
          position = index;
          correct_length = length;
        }
      else
        {
          longest_other = MAX (longest_other, length);
          if (!ak_xml_parse_boolean (ak_xml_get_attribute (choice, "correct")))
            note_wrong_answer (self, choice);
        }
      index++;
    }
  if (correct == NULL || index < 2)
    return;

  for (Tally *tally = &self->course; tally != NULL;
       tally = tally == &self->course ? &self->quiz : NULL)
    {
      tally->n_single++;
      if (position < MAX_POSITIONS && tally->at_position[position]++ == 0)
        tally->first_at_position[position] = correct;
      if (correct_length > longest_other && tally->n_longest++ == 0)
        tally->first_longest = correct;
    }
}

static void
note_multiple_choice (Quality *self,
                      xmlNode *question)
{
  gboolean wrong_seen = FALSE;
  gboolean leading = TRUE;

  for (xmlNode *choice = ak_xml_first_element (question); choice;
       choice = ak_xml_next_element (choice))
    {
      if (!ak_xml_is_element (choice, "choice"))
        continue;
      if (ak_xml_parse_boolean (ak_xml_get_attribute (choice, "correct")))
        leading = leading && !wrong_seen;
      else
        {
          wrong_seen = TRUE;
          note_wrong_answer (self, choice);
        }
    }
  if (!wrong_seen)
    return;

  for (Tally *tally = &self->course; tally != NULL;
       tally = tally == &self->course ? &self->quiz : NULL)
    {
      tally->n_multiple++;
      if (leading && tally->n_leading++ == 0)
        tally->first_leading = question;
    }
}

static void
check_statement (Quality *self,
                 xmlNode *question,
                 xmlNode *prompt)
{
  guint answer = ak_xml_parse_boolean (ak_xml_get_attribute (question, "answer")) ? 1 : 0;
  g_autofree char *text = NULL;
  g_auto(GStrv) words = NULL;
  const char *cue;

  for (Tally *tally = &self->course; tally != NULL;
       tally = tally == &self->course ? &self->quiz : NULL)
    if (tally->n_statements[answer]++ == 0)
      tally->first_statement[answer] = question;
  if (answer || prompt == NULL)
    return;

  text = normalized_text (prompt);
  words = split_words (text);
  cue = find_cue_word ((const char *const *)words);
  if (cue != NULL)
    warn (self, prompt, NULL,
          _("The statement “%s” is false and says “%s”; words like this give a false "
            "statement away"),
          question_id (question), cue);
}

/* Whether the grading takes @input as the right number. */
static gboolean
numeric_accepts (const char *input,
                 const char *unit,
                 double      value,
                 double      tolerance)
{
  double number;

  if (!ak_parse_decimal (input, unit, &number, NULL))
    return FALSE;
  return fabs (number - value) <= tolerance + 1e-9 * MAX (1.0, fabs (value));
}

static gboolean
speaks_of_percent (const char *text)
{
  g_auto(GStrv) words = split_words (text);

  if (strchr (text, '%') != NULL)
    return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (words[i], "prozent") || g_str_has_prefix (words[i], "percent"))
      return TRUE;
  return FALSE;
}

/* The right number followed by "%" where the prompt or the unit speaks of
 * percent, and followed by the unit itself, must both be graded right:
 * they are what a learner naturally types. */
static void
check_numeric (Quality *self,
               xmlNode *question,
               xmlNode *prompt)
{
  const char *written = ak_xml_get_attribute (question, "value");
  const char *unit = ak_xml_get_attribute (question, "unit");
  const char *tolerance_text = ak_xml_get_attribute (question, "tolerance");
  g_autofree char *prompt_text = prompt != NULL ? normalized_text (prompt) : g_strdup ("");
  g_autofree char *unit_text = ak_text_normalize (unit != NULL ? unit : "", FALSE);
  g_autoptr(GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  double value;
  double tolerance = 0;

  if (written == NULL || !ak_xml_parse_decimal (written, &value) ||
      (tolerance_text != NULL && !ak_xml_parse_decimal (tolerance_text, &tolerance)) ||
      tolerance < 0)
    return;

  if (speaks_of_percent (prompt_text) || (unit_text != NULL && speaks_of_percent (unit_text)))
    g_ptr_array_add (candidates, g_strconcat (written, " %", NULL));
  if (unit != NULL && *unit != '\0')
    g_ptr_array_add (candidates, g_strconcat (written, " ", unit, NULL));

  for (guint i = 0; i < candidates->len; i++)
    {
      const char *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *quoted = ak_xml_text_ellipsize (candidate);

      if (numeric_accepts (candidate, unit, value, tolerance))
        continue;
      if (unit != NULL && *unit != '\0')
        {
          g_autofree char *quoted_unit = ak_xml_text_ellipsize (unit);

          warn (self, question, "unit",
                _("The numeric question “%s” counts “%s” as wrong: it takes no unit but “%s”"),
                question_id (question), quoted, quoted_unit);
        }
      else
        warn (self, question, NULL,
              _("The numeric question “%s” counts “%s” as wrong: it takes no unit"),
              question_id (question), quoted);
      return;
    }
}

/* An accepted answer: one word where the prompt asks for one, and not
 * to be read off the quiz's title or the title of the section tested. */
static void
check_accept (Quality    *self,
              xmlNode    *question,
              xmlNode    *accept,
              gboolean    one_word,
              xmlNode    *quiz_title,
              GPtrArray  *section_titles)
{
  g_autofree char *text = normalized_text (accept);
  g_auto(GStrv) words = split_words (text);
  g_autofree char *quoted = NULL;

  if (*text == '\0')
    return;
  quoted = quoted_text (accept);

  if (one_word && strchr (text, ' ') != NULL)
    warn (self, accept, NULL, _("The question “%s” asks for one word but accepts “%s”"),
          question_id (question), quoted);

  if (quiz_title != NULL)
    {
      g_autofree char *title = normalized_text (quiz_title);
      g_auto(GStrv) title_words = split_words (title);

      if (find_words ((const char *const *)title_words, (const char *const *)words, 0) >= 0)
        {
          warn (self, accept, NULL,
                _("The answer “%s” to the question “%s” stands in the title of its quiz"),
                quoted, question_id (question));
          return;
        }
    }
  for (guint i = 0; i < section_titles->len; i++)
    {
      xmlNode *section_title = g_ptr_array_index (section_titles, i);
      g_autofree char *title = normalized_text (section_title);
      g_auto(GStrv) title_words = split_words (title);

      if (find_words ((const char *const *)title_words, (const char *const *)words, 0) >= 0)
        {
          g_autofree char *quoted_title = quoted_text (section_title);

          warn (self, accept, NULL,
                _("The answer “%s” to the question “%s” stands in the title of the section "
                  "“%s” that it tests"),
                quoted, question_id (question), quoted_title);
          return;
        }
    }
}

/* The titles of the sections whose theses @question tests, in this
 * course; other courses are not at hand. */
static GPtrArray *
tested_section_titles (Quality *self,
                       xmlNode *question)
{
  g_auto(GStrv) references = ak_xml_split_list (ak_xml_get_attribute (question, "tests"));
  GPtrArray *titles = g_ptr_array_new ();

  for (guint i = 0; references[i] != NULL; i++)
    {
      const char *thesis = references[i];
      const char *colon = strchr (thesis, ':');
      xmlNode *title;

      if (colon != NULL)
        {
          if (strncmp (thesis, self->course_id, colon - thesis) != 0 ||
              self->course_id[colon - thesis] != '\0')
            continue;
          thesis = colon + 1;
        }
      title = g_hash_table_lookup (self->section_titles, thesis);
      if (title != NULL && !g_ptr_array_find (titles, title, NULL))
        g_ptr_array_add (titles, title);
    }
  return titles;
}

static void
check_accepts_in (Quality   *self,
                  xmlNode   *question,
                  xmlNode   *parent,
                  gboolean   one_word,
                  xmlNode   *quiz_title,
                  GPtrArray *section_titles)
{
  for (xmlNode *child = ak_xml_first_element (parent); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "accept"))
        check_accept (self, question, child, one_word, quiz_title, section_titles);
      else if (ak_xml_is_element (child, "text") || ak_xml_is_element (child, "gap"))
        check_accepts_in (self, question, child, one_word, quiz_title, section_titles);
    }
}

static void
check_question (Quality *self,
                xmlNode *question,
                xmlNode *quiz_title)
{
  xmlNode *prompt = ak_xml_find_element (question, "prompt");

  if (ak_xml_is_element (question, "single-choice"))
    note_single_choice (self, question);
  else if (ak_xml_is_element (question, "multiple-choice"))
    note_multiple_choice (self, question);
  else if (ak_xml_is_element (question, "true-false"))
    check_statement (self, question, prompt);
  else if (ak_xml_is_element (question, "numeric"))
    check_numeric (self, question, prompt);
  else if (ak_xml_is_element (question, "matching"))
    {
      for (xmlNode *child = ak_xml_first_element (question); child;
           child = ak_xml_next_element (child))
        if (ak_xml_is_element (child, "distractor"))
          note_wrong_answer (self, child);
    }
  else if (ak_xml_is_element (question, "short-answer") ||
           ak_xml_is_element (question, "gap-text"))
    {
      g_autofree char *prompt_text = prompt != NULL ? normalized_text (prompt) : g_strdup ("");
      g_auto(GStrv) prompt_words = split_words (prompt_text);
      g_autoptr(GPtrArray) section_titles = tested_section_titles (self, question);
      gboolean one_word = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (one_word_phrases) && !one_word; i++)
        one_word = contains_phrase ((const char *const *)prompt_words, one_word_phrases[i]);
      check_accepts_in (self, question, question, one_word, quiz_title, section_titles);
    }
}

static void
note_section_titles (Quality *self,
                     xmlNode *lesson)
{
  for (xmlNode *section = ak_xml_first_element (lesson); section;
       section = ak_xml_next_element (section))
    {
      xmlNode *title;

      if (!ak_xml_is_element (section, "section"))
        continue;
      title = ak_xml_find_element (section, "title");
      for (xmlNode *block = ak_xml_first_element (section); block;
           block = ak_xml_next_element (block))
        {
          const char *id = ak_xml_get_attribute (block, "id");

          if (ak_xml_is_element (block, "thesis") && id != NULL && title != NULL &&
              !g_hash_table_contains (self->section_titles, id))
            g_hash_table_insert (self->section_titles, (gpointer)id, title);
        }
    }
}

static gboolean
share_reached (guint n,
               guint total,
               guint numerator,
               guint denominator)
{
  return (guint64)n * denominator >= (guint64)total * numerator;
}

/* Each pattern is reported for a quiz that shows it on its own, and
 * otherwise for the course, when its quizzes show it together. A
 * %quiz_id of %NULL stands for the course. */
static gboolean
warn_position (Quality     *self,
               const Tally *tally,
               const char  *quiz_id)
{
  guint best = 0;
  xmlNode *first;

  if (tally->n_single < MIN_SINGLE_CHOICE)
    return FALSE;
  for (guint i = 1; i < MAX_POSITIONS; i++)
    if (tally->at_position[i] > tally->at_position[best])
      best = i;
  if (!share_reached (tally->at_position[best], tally->n_single, POSITION_SHARE_NUM,
                      POSITION_SHARE_DEN))
    return FALSE;

  first = tally->first_at_position[best];
  if (quiz_id != NULL)
    warn (self, first, "correct",
          /* Translators: "choice 1 is the correct one in 5 of the 6 …"; the
           * last %s is the id of the first such question */
          g_dngettext (GETTEXT_PACKAGE,
                       "Choice %u is the correct one in %u of the %u single-choice question of "
                       "the quiz “%s”, starting with “%s”; learners can guess it by its position",
                       "Choice %u is the correct one in %u of the %u single-choice questions of "
                       "the quiz “%s”, starting with “%s”; learners can guess it by its position",
                       tally->n_single),
          best + 1, tally->at_position[best], tally->n_single, quiz_id,
          question_id (first->parent));
  else
    warn (self, first, "correct",
          /* Translators: "choice 1 is the correct one in 5 of the 6 …"; the
           * last %s is the id of the first such question */
          g_dngettext (GETTEXT_PACKAGE,
                       "Choice %u is the correct one in %u of the %u single-choice question of "
                       "this course, starting with “%s”; learners can guess it by its position",
                       "Choice %u is the correct one in %u of the %u single-choice questions of "
                       "this course, starting with “%s”; learners can guess it by its position",
                       tally->n_single),
          best + 1, tally->at_position[best], tally->n_single, question_id (first->parent));
  return TRUE;
}

static gboolean
warn_longest (Quality     *self,
              const Tally *tally,
              const char  *quiz_id)
{
  xmlNode *first = tally->first_longest;

  /* Strictly more than the share: exactly half is still fine. */
  if (tally->n_single < MIN_SINGLE_CHOICE ||
      (guint64)tally->n_longest * LONGEST_SHARE_DEN <= (guint64)tally->n_single * LONGEST_SHARE_NUM)
    return FALSE;

  if (quiz_id != NULL)
    warn (self, first, NULL,
          g_dngettext (GETTEXT_PACKAGE,
                       "The correct choice is the longest in %u of the %u single-choice question "
                       "of the quiz “%s”, starting with “%s”; learners can guess it by its length",
                       "The correct choice is the longest in %u of the %u single-choice questions "
                       "of the quiz “%s”, starting with “%s”; learners can guess it by its length",
                       tally->n_single),
          tally->n_longest, tally->n_single, quiz_id, question_id (first->parent));
  else
    warn (self, first, NULL,
          g_dngettext (GETTEXT_PACKAGE,
                       "The correct choice is the longest in %u of the %u single-choice question "
                       "of this course, starting with “%s”; learners can guess it by its length",
                       "The correct choice is the longest in %u of the %u single-choice questions "
                       "of this course, starting with “%s”; learners can guess it by its length",
                       tally->n_single),
          tally->n_longest, tally->n_single, question_id (first->parent));
  return TRUE;
}

static gboolean
warn_leading (Quality     *self,
              const Tally *tally,
              const char  *quiz_id)
{
  xmlNode *first = tally->first_leading;

  if (tally->n_multiple < MIN_MULTIPLE_CHOICE || tally->n_leading < tally->n_multiple)
    return FALSE;

  if (quiz_id != NULL)
    warn (self, first, NULL,
          g_dngettext (GETTEXT_PACKAGE,
                       "The correct choices come before the wrong ones in each of the %u "
                       "multiple-choice question of the quiz “%s”, starting with “%s”; learners "
                       "can guess them by their position",
                       "The correct choices come before the wrong ones in each of the %u "
                       "multiple-choice questions of the quiz “%s”, starting with “%s”; learners "
                       "can guess them by their position",
                       tally->n_multiple),
          tally->n_multiple, quiz_id, question_id (first));
  else
    warn (self, first, NULL,
          g_dngettext (GETTEXT_PACKAGE,
                       "The correct choices come before the wrong ones in each of the %u "
                       "multiple-choice question of this course, starting with “%s”; learners "
                       "can guess them by their position",
                       "The correct choices come before the wrong ones in each of the %u "
                       "multiple-choice questions of this course, starting with “%s”; learners "
                       "can guess them by their position",
                       tally->n_multiple),
          tally->n_multiple, question_id (first));
  return TRUE;
}

static gboolean
warn_one_sided (Quality     *self,
                const Tally *tally,
                const char  *quiz_id)
{
  guint total = tally->n_statements[0] + tally->n_statements[1];
  guint answer;
  xmlNode *first;

  if (total < MIN_TRUE_FALSE)
    return FALSE;
  if (share_reached (tally->n_statements[0], total, TRUE_FALSE_SHARE_NUM, TRUE_FALSE_SHARE_DEN))
    answer = 0;
  else if (share_reached (tally->n_statements[1], total, TRUE_FALSE_SHARE_NUM,
                          TRUE_FALSE_SHARE_DEN))
    answer = 1;
  else
    return FALSE;

  first = tally->first_statement[answer];
  if (answer == 0 && quiz_id != NULL)
    warn (self, first, "answer",
          g_dngettext (GETTEXT_PACKAGE,
                       "%u of the %u true-or-false statement of the quiz “%s” is false, "
                       "starting with “%s”; learners who always answer “false” are mostly right",
                       "%u of the %u true-or-false statements of the quiz “%s” are false, "
                       "starting with “%s”; learners who always answer “false” are mostly right",
                       total),
          tally->n_statements[0], total, quiz_id, question_id (first));
  else if (answer == 0)
    warn (self, first, "answer",
          g_dngettext (GETTEXT_PACKAGE,
                       "%u of the %u true-or-false statement of this course is false, "
                       "starting with “%s”; learners who always answer “false” are mostly right",
                       "%u of the %u true-or-false statements of this course are false, "
                       "starting with “%s”; learners who always answer “false” are mostly right",
                       total),
          tally->n_statements[0], total, question_id (first));
  else if (quiz_id != NULL)
    warn (self, first, "answer",
          g_dngettext (GETTEXT_PACKAGE,
                       "%u of the %u true-or-false statement of the quiz “%s” is true, "
                       "starting with “%s”; learners who always answer “true” are mostly right",
                       "%u of the %u true-or-false statements of the quiz “%s” are true, "
                       "starting with “%s”; learners who always answer “true” are mostly right",
                       total),
          tally->n_statements[1], total, quiz_id, question_id (first));
  else
    warn (self, first, "answer",
          g_dngettext (GETTEXT_PACKAGE,
                       "%u of the %u true-or-false statement of this course is true, "
                       "starting with “%s”; learners who always answer “true” are mostly right",
                       "%u of the %u true-or-false statements of this course are true, "
                       "starting with “%s”; learners who always answer “true” are mostly right",
                       total),
          tally->n_statements[1], total, question_id (first));
  return TRUE;
}

typedef gboolean (*WarnFunc) (Quality     *self,
                              const Tally *tally,
                              const char  *quiz_id);

static const WarnFunc pattern_warnings[N_PATTERNS] = {
  [PATTERN_POSITION] = warn_position,
  [PATTERN_LONGEST] = warn_longest,
  [PATTERN_LEADING] = warn_leading,
  [PATTERN_ONE_SIDED] = warn_one_sided,
};

static void
warn_reused_wrong_answers (Quality *self)
{
  for (guint i = 0; i < self->wrong_order->len; i++)
    {
      GPtrArray *places = g_hash_table_lookup (self->wrong_answers,
                                               g_ptr_array_index (self->wrong_order, i));
      xmlNode *first;
      g_autofree char *quoted = NULL;

      if (places->len <= MAX_WRONG_ANSWER_QUESTIONS)
        continue;
      first = g_ptr_array_index (places, 0);
      quoted = quoted_text (first);
      for (guint k = 1; k < places->len; k++)
        {
          xmlNode *place = g_ptr_array_index (places, k);

          warn (self, place, NULL,
                g_dngettext (GETTEXT_PACKAGE,
                             "The wrong answer “%s” of the question “%s” stands in %u question "
                             "of this course (first on line %u); learners soon rule it out",
                             "The wrong answer “%s” of the question “%s” stands in %u questions "
                             "of this course (first on line %u); learners soon rule it out",
                             places->len),
                quoted, question_id (place->parent), places->len,
                ak_xml_document_node_line (self->document, first));
        }
    }
}

/**
 * ak_quiz_quality_check:
 * @document: a document that follows the course schema
 *
 * Warns about questions whose answer a learner can tell by their form
 * rather than their content. Only warnings are added: a course with such
 * questions still loads.
 */
void
ak_quiz_quality_check (AkXmlDocument *document)
{
  xmlNode *root = ak_xml_document_get_root (document);
  const char *course_id = ak_xml_get_attribute (root, "id");
  Quality self = { document, course_id != NULL ? course_id : "", };

  self.section_titles = g_hash_table_new (g_str_hash, g_str_equal);
  self.wrong_answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify)g_ptr_array_unref);
  self.wrong_order = g_ptr_array_new ();

  for (xmlNode *child = ak_xml_first_element (root); child; child = ak_xml_next_element (child))
    if (ak_xml_is_element (child, "lesson"))
      note_section_titles (&self, child);

  for (xmlNode *quiz = ak_xml_first_element (root); quiz; quiz = ak_xml_next_element (quiz))
    {
      g_autofree char *quiz_id = NULL;
      xmlNode *title;

      if (!ak_xml_is_element (quiz, "quiz"))
        continue;
      title = ak_xml_find_element (quiz, "title");
      memset (&self.quiz, 0, sizeof self.quiz);
      for (xmlNode *question = ak_xml_first_element (quiz); question;
           question = ak_xml_next_element (question))
        if (!ak_xml_is_element (question, "title") && !ak_xml_is_element (question, "description"))
          check_question (&self, question, title);

      quiz_id = ak_xml_text_ellipsize (ak_xml_get_attribute (quiz, "id"));
      for (guint i = 0; i < N_PATTERNS; i++)
        if (pattern_warnings[i] (&self, &self.quiz, quiz_id))
          self.found_in_quiz[i] = TRUE;
    }

  /* A pattern that no single quiz shows can still run through them all. */
  for (guint i = 0; i < N_PATTERNS; i++)
    if (!self.found_in_quiz[i])
      pattern_warnings[i] (&self, &self.course, NULL);
  warn_reused_wrong_answers (&self);

  g_hash_table_unref (self.section_titles);
  g_hash_table_unref (self.wrong_answers);
  g_ptr_array_unref (self.wrong_order);
}
