/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-checks.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ak-quiz-quality.h"
#include "ak-text-match.h"

/* Ids that must be unique course-wide, each kind on its own. */
typedef enum
{
  ID_SOURCE,
  ID_LESSON,
  ID_SECTION,
  ID_THESIS,
  ID_QUIZ,
  ID_QUESTION,
  N_ID_KINDS
} IdKind;

typedef struct
{
  AkXmlDocument *document;
  const char    *course_id;
  const char    *course_dir;
  GHashTable    *ids[N_ID_KINDS];   /* id → element */
  GHashTable    *answer_ids;        /* ids inside the current question → element */
  GHashTable    *feedback;          /* choice → <feedback> of the current question */
  GHashTable    *tested;            /* ids of the theses some question tests */
  GPtrArray     *theses;            /* <thesis> elements in document order */
  guint          n_errors;
} Checker;

static void report (Checker *self, xmlNode *element, const char *attribute, AkSeverity severity,
                    const char *format, ...) G_GNUC_PRINTF (5, 6);

static void
report (Checker    *self,
        xmlNode    *element,
        const char *attribute,
        AkSeverity  severity,
        const char *format,
        ...)
{
  va_list args;

  va_start (args, format);
  ak_xml_document_report_valist (self->document, element, attribute, severity, format, args);
  va_end (args);

  if (severity == AK_SEVERITY_ERROR)
    self->n_errors++;
}

/* Returns %FALSE when the id was taken already. */
static gboolean
claim_id (Checker    *self,
          GHashTable *ids,
          xmlNode    *element)
{
  const char *id = ak_xml_get_attribute (element, "id");
  xmlNode *first;

  if (id == NULL)
    return FALSE;
  first = g_hash_table_lookup (ids, id);
  if (first != NULL)
    {
      g_autofree char *quoted = ak_xml_text_ellipsize (id);

      report (self, element, "id", AK_SEVERITY_ERROR,
              _("The id “%s” is already used (first on line %u)"),
              quoted, ak_xml_document_node_line (self->document, first));
      return FALSE;
    }
  g_hash_table_insert (ids, (gpointer)id, element);
  return TRUE;
}

static void
check_source_reference (Checker *self,
                        xmlNode *element)
{
  const char *source = ak_xml_get_attribute (element, "source");

  if (source != NULL && !g_hash_table_contains (self->ids[ID_SOURCE], source))
    {
      g_autofree char *quoted = ak_xml_text_ellipsize (source);

      report (self, element, "source", AK_SEVERITY_ERROR,
              _("The source “%s” is not declared in this course"), quoted);
    }
}

static void
report_too_large (Checker    *self,
                  xmlNode    *element,
                  const char *attribute,
                  const char *value)
{
  g_autofree char *quoted = ak_xml_text_ellipsize (value);

  report (self, element, attribute, AK_SEVERITY_ERROR, _("The number “%s” is too large"), quoted);
}

static void
check_uint (Checker    *self,
            xmlNode    *element,
            const char *attribute)
{
  const char *value = ak_xml_get_attribute (element, attribute);
  guint number;

  if (value != NULL && !ak_xml_parse_uint (value, &number))
    report_too_large (self, element, attribute, value);
}

static gboolean
check_decimal (Checker    *self,
               xmlNode    *element,
               const char *attribute,
               double     *number)
{
  const char *value = ak_xml_get_attribute (element, attribute);

  *number = 0;
  if (value == NULL)
    return FALSE;
  if (!ak_xml_parse_decimal (value, number))
    {
      report_too_large (self, element, attribute, value);
      return FALSE;
    }
  return TRUE;
}

/* Text a learner reads. The schema lets it be empty where running text
 * may be, but an empty prompt, choice or paragraph is a mistake. */
static const char *const text_elements[] = {
  "title", "author", "publication", "summary", "description", "p", "item", "thesis",
  "quote", "caption", "prompt", "choice", "explanation", "feedback", "left", "right",
  "distractor",
};

static void
check_text_elements (Checker *self,
                     xmlNode *parent)
{
  for (xmlNode *child = ak_xml_first_element (parent); child; child = ak_xml_next_element (child))
    {
      gboolean is_text = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (text_elements) && !is_text; i++)
        is_text = ak_xml_is_element (child, text_elements[i]);

      if (!is_text)
        check_text_elements (self, child);
      else if (ak_xml_is_blank (child))
        report (self, child, NULL, AK_SEVERITY_ERROR, _("The element “%s” must not be empty"),
                (const char *)child->name);
    }
}

/**
 * ak_course_resolve_figure:
 * @path: (out) (optional): the figure's absolute path, when it is fine
 *
 * A figure must be a file in the course file's folder or below it, named
 * by a relative path.
 */
AkFigureProblem
ak_course_resolve_figure (const char  *course_dir,
                          const char  *src,
                          char       **path)
{
  g_autofree char *joined = NULL;
  g_autofree char *real_dir = NULL;
  g_autofree char *real_file = NULL;
  g_auto(GStrv) segments = NULL;
  GStatBuf info;

  if (path != NULL)
    *path = NULL;
  if (g_uri_peek_scheme (src) != NULL)
    return AK_FIGURE_ADDRESS;
  if (g_path_is_absolute (src) || src[0] == '/' || src[0] == '\\')
    return AK_FIGURE_ABSOLUTE;

  segments = g_strsplit_set (src, "/\\", -1);
  for (guint i = 0; segments[i] != NULL; i++)
    if (g_str_equal (segments[i], ".."))
      return AK_FIGURE_PARENT;

  joined = g_canonicalize_filename (src, course_dir);
  if (g_stat (joined, &info) != 0)
    return errno == ENOENT || errno == ENOTDIR ? AK_FIGURE_MISSING : AK_FIGURE_UNREADABLE;
  if (!S_ISREG (info.st_mode))
    return S_ISDIR (info.st_mode) ? AK_FIGURE_NOT_FILE : AK_FIGURE_SPECIAL;

  /* A link may still lead out of the folder. */
  real_dir = realpath (course_dir, NULL);
  real_file = realpath (joined, NULL);
  if (real_dir == NULL || real_file == NULL ||
      !g_str_has_prefix (real_file, real_dir) ||
      (real_file[strlen (real_dir)] != G_DIR_SEPARATOR && !g_str_equal (real_dir, "/")))
    return AK_FIGURE_OUTSIDE;

  if (path != NULL)
    *path = g_steal_pointer (&joined);
  return AK_FIGURE_OK;
}

static void
check_figure (Checker *self,
              xmlNode *figure)
{
  const char *src = ak_xml_get_attribute (figure, "src");
  const char *alt = ak_xml_get_attribute (figure, "alt");
  g_autofree char *quoted = ak_xml_text_ellipsize (src);

  /* Screen readers read the description instead of the figure. */
  if (alt != NULL && *alt == '\0')
    report (self, figure, "alt", AK_SEVERITY_ERROR, _("The attribute “%s” must not be empty"),
            "alt");

  switch (ak_course_resolve_figure (self->course_dir, src, NULL))
    {
    case AK_FIGURE_OK:
      break;
    case AK_FIGURE_ADDRESS:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure “%s” must be a file in the course folder, not an address"),
              quoted);
      break;
    case AK_FIGURE_ABSOLUTE:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure “%s” must be given relative to the course file, not as an "
                "absolute path"),
              quoted);
      break;
    case AK_FIGURE_PARENT:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure “%s” must not leave the course folder with “..”"), quoted);
      break;
    case AK_FIGURE_OUTSIDE:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure “%s” lies outside the course folder"), quoted);
      break;
    case AK_FIGURE_NOT_FILE:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure “%s” is a folder, not an image file"), quoted);
      break;
    case AK_FIGURE_SPECIAL:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure “%s” is a pipe, socket or device, not an image file"), quoted);
      break;
    case AK_FIGURE_UNREADABLE:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure file “%s” cannot be read: it or a folder on its path is not "
                "readable, or symbolic links form a loop"),
              quoted);
      break;
    case AK_FIGURE_MISSING:
    default:
      report (self, figure, "src", AK_SEVERITY_ERROR,
              _("The figure file “%s” does not exist"), quoted);
      break;
    }
}

static void
check_section (Checker *self,
               xmlNode *section)
{
  claim_id (self, self->ids[ID_SECTION], section);

  for (xmlNode *block = ak_xml_first_element (section); block; block = ak_xml_next_element (block))
    {
      if (ak_xml_is_element (block, "thesis"))
        {
          if (claim_id (self, self->ids[ID_THESIS], block))
            g_ptr_array_add (self->theses, block);
          check_source_reference (self, block);
        }
      else if (ak_xml_is_element (block, "quote"))
        check_source_reference (self, block);
      else if (ak_xml_is_element (block, "figure"))
        check_figure (self, block);
    }
}

static void
check_lesson (Checker *self,
              xmlNode *lesson)
{
  claim_id (self, self->ids[ID_LESSON], lesson);

  for (xmlNode *child = ak_xml_first_element (lesson); child; child = ak_xml_next_element (child))
    if (ak_xml_is_element (child, "section"))
      check_section (self, child);
}

/* "thesis" or "this-course:thesis" must name a thesis of this course;
 * references into other courses are the course library's business. */
static void
check_tests (Checker    *self,
             xmlNode    *question,
             const char *id)
{
  g_auto(GStrv) references = ak_xml_split_list (ak_xml_get_attribute (question, "tests"));
  g_autoptr(GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; references[i] != NULL; i++)
    {
      const char *colon = strchr (references[i], ':');
      const char *thesis = references[i];

      if (!g_hash_table_add (named, references[i]))
        {
          g_autofree char *quoted = ak_xml_text_ellipsize (references[i]);

          report (self, question, "tests", AK_SEVERITY_WARNING,
                  _("The question “%s” names the thesis “%s” twice"), id, quoted);
          continue;
        }
      if (colon != NULL)
        {
          if (strncmp (references[i], self->course_id, colon - references[i]) != 0 ||
              self->course_id[colon - references[i]] != '\0')
            continue;
          thesis = colon + 1;
        }

      if (g_hash_table_contains (self->ids[ID_THESIS], thesis))
        g_hash_table_add (self->tested, (gpointer)g_hash_table_lookup (self->ids[ID_THESIS],
                                                                       thesis));
      else
        {
          g_autofree char *quoted = ak_xml_text_ellipsize (references[i]);

          report (self, question, "tests", AK_SEVERITY_ERROR,
                  _("The question “%s” tests the thesis “%s”, which does not exist in this "
                    "course"),
                  id, quoted);
        }
    }
}

static void
check_feedback (Checker  *self,
                xmlNode  *feedback,
                gboolean  true_false)
{
  const char *choice = ak_xml_get_attribute (feedback, "choice");
  xmlNode *earlier;

  if (choice == NULL)
    return;

  if (true_false && !g_str_equal (choice, "true") && !g_str_equal (choice, "false"))
    {
      g_autofree char *quoted = ak_xml_text_ellipsize (choice);

      report (self, feedback, "choice", AK_SEVERITY_ERROR,
              _("Feedback in a true-or-false question is for “true” or “false”, not “%s”"),
              quoted);
      return;
    }
  if (!true_false && !g_hash_table_contains (self->answer_ids, choice))
    {
      g_autofree char *quoted = ak_xml_text_ellipsize (choice);

      report (self, feedback, "choice", AK_SEVERITY_ERROR,
              _("The feedback is for the choice “%s”, which this question does not have"),
              quoted);
      return;
    }

  earlier = g_hash_table_lookup (self->feedback, choice);
  if (earlier != NULL)
    {
      g_autofree char *quoted = ak_xml_text_ellipsize (choice);

      report (self, feedback, "choice", AK_SEVERITY_ERROR,
              _("There is already feedback for the choice “%s” (on line %u)"),
              quoted, ak_xml_document_node_line (self->document, earlier));
      return;
    }
  g_hash_table_insert (self->feedback, (gpointer)choice, feedback);
}

/* The accepted answers of a gap or a short answer: none that matches
 * nothing, none that repeats another once case and spaces are ignored. */
static void
check_accepts (Checker *self,
               xmlNode *parent)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *accept = ak_xml_first_element (parent); accept;
       accept = ak_xml_next_element (accept))
    {
      g_autofree char *content = NULL;
      g_autofree char *normalized = NULL;
      xmlNode *earlier;

      if (!ak_xml_is_element (accept, "accept"))
        continue;
      content = (char *)xmlNodeGetContent (accept);
      normalized = ak_text_normalize (content, FALSE);
      if (normalized == NULL || *normalized == '\0')
        {
          report (self, accept, NULL, AK_SEVERITY_ERROR, "%s",
                  _("An accepted answer must not be empty"));
          continue;
        }

      earlier = g_hash_table_lookup (seen, normalized);
      if (earlier != NULL)
        {
          g_autofree char *quoted = ak_xml_text_ellipsize (g_strstrip (content));

          report (self, accept, NULL, AK_SEVERITY_WARNING,
                  _("The answer “%s” is accepted already on line %u; case and spaces do "
                    "not count"),
                  quoted, ak_xml_document_node_line (self->document, earlier));
        }
      else
        g_hash_table_insert (seen, g_steal_pointer (&normalized), accept);
    }
}

/* The gaps of a gap text, with their ids and answers. */
static guint
check_gaps (Checker *self,
            xmlNode *text)
{
  guint n_gaps = 0;

  for (xmlNode *gap = ak_xml_first_element (text); gap; gap = ak_xml_next_element (gap))
    {
      if (!ak_xml_is_element (gap, "gap"))
        continue;
      n_gaps++;
      claim_id (self, self->answer_ids, gap);
      check_accepts (self, gap);
    }
  return n_gaps;
}

typedef struct
{
  guint    n_choices;     /* choices, ordering items or matching pairs */
  guint    n_correct;
  xmlNode *extra_correct; /* the second correct choice */
  guint    n_gaps;
} Counts;

static void
check_answer_parts (Checker *self,
                    xmlNode *question,
                    Counts  *counts)
{
  gboolean true_false = ak_xml_is_element (question, "true-false");

  for (xmlNode *child = ak_xml_first_element (question); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "choice") || ak_xml_is_element (child, "item") ||
          ak_xml_is_element (child, "pair") || ak_xml_is_element (child, "distractor"))
        {
          claim_id (self, self->answer_ids, child);
          if (!ak_xml_is_element (child, "distractor"))
            counts->n_choices++;
          if (ak_xml_parse_boolean (ak_xml_get_attribute (child, "correct")) &&
              ++counts->n_correct == 2)
            counts->extra_correct = child;
        }
      else if (ak_xml_is_element (child, "feedback"))
        check_feedback (self, child, true_false);
      else if (ak_xml_is_element (child, "text"))
        counts->n_gaps += check_gaps (self, child);
    }
  check_accepts (self, question);
}

typedef enum
{
  SIDE_CHOICE,      /* a choice or an ordering item */
  SIDE_LEFT,
  SIDE_RIGHT,
  SIDE_DISTRACTOR
} Side;

/* Two parts of a question a learner must tell apart read the same, as
 * answers are compared: case, white space and Unicode forms aside. */
static void
report_same_text (Checker    *self,
                  xmlNode    *question,
                  const char *id,
                  xmlNode    *earlier,
                  xmlNode    *later,
                  xmlNode    *at,
                  Side        side)
{
  /* A <left> or <right> belongs to its pair, which has the id. */
  xmlNode *earlier_owner = ak_xml_is_element (earlier, "distractor") ||
                           ak_xml_is_element (earlier, "choice") ||
                           ak_xml_is_element (earlier, "item") ? earlier : earlier->parent;
  g_autofree char *first = ak_xml_text_ellipsize (ak_xml_get_attribute (earlier_owner, "id"));
  g_autofree char *second = ak_xml_text_ellipsize (ak_xml_get_attribute (later, "id"));

  if (side == SIDE_CHOICE && ak_xml_is_element (question, "ordering"))
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The items “%s” and “%s” of the question “%s” read the same"), first, second, id);
  else if (side == SIDE_CHOICE)
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The choices “%s” and “%s” of the question “%s” read the same"), first, second,
            id);
  else if (side == SIDE_LEFT)
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The pairs “%s” and “%s” of the question “%s” have the same left side"), first,
            second, id);
  else if (side == SIDE_RIGHT && !ak_xml_is_element (earlier_owner, "distractor"))
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The pairs “%s” and “%s” of the question “%s” have the same right side"), first,
            second, id);
  else if (ak_xml_is_element (earlier_owner, "distractor") && side == SIDE_DISTRACTOR)
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The distractors “%s” and “%s” of the question “%s” read the same"), first,
            second, id);
  else if (side == SIDE_DISTRACTOR)
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The distractor “%s” of the question “%s” reads the same as the right side of "
              "the pair “%s”"),
            second, id, first);
  else
    report (self, at, NULL, AK_SEVERITY_ERROR,
            _("The distractor “%s” of the question “%s” reads the same as the right side of "
              "the pair “%s”"),
            first, id, second);
}

/* Records @text_element in @seen, or reports it when an earlier part
 * reads the same. @part is the choice, item, pair or distractor. */
static void
claim_text (Checker    *self,
            GHashTable *seen,
            xmlNode    *question,
            const char *id,
            xmlNode    *part,
            xmlNode    *text_element,
            Side        side)
{
  g_autofree char *content = NULL;
  g_autofree char *normalized = NULL;
  xmlNode *earlier;

  if (text_element == NULL)
    return;
  content = (char *)xmlNodeGetContent (text_element);
  normalized = content != NULL ? ak_text_normalize (content, FALSE) : NULL;
  if (normalized == NULL || *normalized == '\0')
    return;

  earlier = g_hash_table_lookup (seen, normalized);
  if (earlier != NULL)
    report_same_text (self, question, id, earlier, part, text_element, side);
  else
    g_hash_table_insert (seen, g_steal_pointer (&normalized), text_element);
}

/* Choices, ordering items, left sides and right-hand entries of a
 * matching must each read differently, or no answer can be told right. */
static void
check_distinct_texts (Checker    *self,
                      xmlNode    *question,
                      const char *id)
{
  g_autoptr(GHashTable) choices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) lefts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) rights = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (xmlNode *child = ak_xml_first_element (question); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "choice") || ak_xml_is_element (child, "item"))
        claim_text (self, choices, question, id, child, child, SIDE_CHOICE);
      else if (ak_xml_is_element (child, "pair"))
        {
          claim_text (self, lefts, question, id, child, ak_xml_find_element (child, "left"),
                      SIDE_LEFT);
          claim_text (self, rights, question, id, child, ak_xml_find_element (child, "right"),
                      SIDE_RIGHT);
        }
      else if (ak_xml_is_element (child, "distractor"))
        claim_text (self, rights, question, id, child, child, SIDE_DISTRACTOR);
    }
}

static void
check_single_choice (Checker    *self,
                     xmlNode    *question,
                     const char *id,
                     Counts     *counts)
{
  if (counts->n_correct == 0)
    report (self, question, NULL, AK_SEVERITY_ERROR,
            _("The single-choice question “%s” has no correct choice; mark one with "
              "correct=\"true\""),
            id);
  else if (counts->extra_correct != NULL)
    report (self, counts->extra_correct, "correct", AK_SEVERITY_ERROR,
            /* Translators: the count is always 2 or more */
            g_dngettext (GETTEXT_PACKAGE,
                         "The single-choice question “%s” has %u correct choice; exactly "
                         "one is allowed",
                         "The single-choice question “%s” has %u correct choices; exactly "
                         "one is allowed",
                         counts->n_correct),
            id, counts->n_correct);
}

static void
check_multiple_choice (Checker    *self,
                       xmlNode    *question,
                       const char *id,
                       Counts     *counts)
{
  if (counts->n_correct == 0)
    report (self, question, NULL, AK_SEVERITY_ERROR,
            _("The multiple-choice question “%s” has no correct choice; mark at least one "
              "with correct=\"true\""),
            id);
}

static void
check_numeric (Checker    *self,
               xmlNode    *question,
               const char *id)
{
  double value;
  double tolerance;

  check_decimal (self, question, "value", &value);
  if (check_decimal (self, question, "tolerance", &tolerance) && tolerance < 0)
    {
      const char *written = ak_xml_get_attribute (question, "tolerance");
      g_autofree char *quoted = ak_xml_text_ellipsize (written);

      report (self, question, "tolerance", AK_SEVERITY_ERROR,
              _("The tolerance “%s” of the question “%s” is negative"), quoted, id);
    }
}

/* Choices, ordering items and matching pairs: a question needs two. */
static void
check_enough_parts (Checker    *self,
                    xmlNode    *question,
                    const char *id,
                    Counts     *counts)
{
  if (counts->n_choices >= 2)
    return;

  if (ak_xml_is_element (question, "ordering"))
    report (self, question, NULL, AK_SEVERITY_ERROR,
            _("The question “%s” needs at least two items"), id);
  else if (ak_xml_is_element (question, "matching"))
    report (self, question, NULL, AK_SEVERITY_ERROR,
            _("The question “%s” needs at least two pairs"), id);
  else
    report (self, question, NULL, AK_SEVERITY_ERROR,
            _("The question “%s” needs at least two choices"), id);
}

static void
check_question (Checker *self,
                xmlNode *question)
{
  g_autofree char *id = ak_xml_text_ellipsize (ak_xml_get_attribute (question, "id"));
  Counts counts = { 0, };

  claim_id (self, self->ids[ID_QUESTION], question);
  check_tests (self, question, id);
  check_uint (self, question, "points");

  g_hash_table_remove_all (self->answer_ids);
  g_hash_table_remove_all (self->feedback);
  check_answer_parts (self, question, &counts);
  check_distinct_texts (self, question, id);

  if (ak_xml_is_element (question, "single-choice") ||
      ak_xml_is_element (question, "multiple-choice") ||
      ak_xml_is_element (question, "ordering") || ak_xml_is_element (question, "matching"))
    check_enough_parts (self, question, id, &counts);

  if (ak_xml_is_element (question, "single-choice"))
    check_single_choice (self, question, id, &counts);
  else if (ak_xml_is_element (question, "multiple-choice"))
    check_multiple_choice (self, question, id, &counts);
  else if (ak_xml_is_element (question, "gap-text") && counts.n_gaps == 0)
    report (self, question, NULL, AK_SEVERITY_ERROR, _("The gap text “%s” has no gap"), id);
  else if (ak_xml_is_element (question, "numeric"))
    check_numeric (self, question, id);
}

static void
check_quiz (Checker *self,
            xmlNode *quiz)
{
  const char *pass_mark = ak_xml_get_attribute (quiz, "pass-mark");
  gint64 percent;

  claim_id (self, self->ids[ID_QUIZ], quiz);
  if (pass_mark != NULL &&
      (!ak_xml_parse_integer (pass_mark, &percent) || percent < 0 || percent > 100))
    {
      g_autofree char *quoted = ak_xml_text_ellipsize (pass_mark);
      g_autofree char *id = ak_xml_text_ellipsize (ak_xml_get_attribute (quiz, "id"));

      report (self, quiz, "pass-mark", AK_SEVERITY_ERROR,
              _("The pass mark %s of the quiz “%s” is not between 0 and 100"), quoted, id);
    }

  for (xmlNode *child = ak_xml_first_element (quiz); child; child = ak_xml_next_element (child))
    if (!ak_xml_is_element (child, "title") && !ak_xml_is_element (child, "description"))
      check_question (self, child);
}

static void
check_source (Checker *self,
              xmlNode *source)
{
  xmlNode *year = ak_xml_find_element (source, "year");
  int number;

  claim_id (self, self->ids[ID_SOURCE], source);
  if (year != NULL)
    {
      g_autofree char *content = (char *)xmlNodeGetContent (year);

      if (!ak_xml_parse_year (content, &number))
        {
          g_autofree char *quoted = ak_xml_text_ellipsize (content);

          report (self, year, NULL, AK_SEVERITY_ERROR, _("The number “%s” is too large"), quoted);
        }
    }
}

static void
warn_untested_theses (Checker *self)
{
  for (guint i = 0; i < self->theses->len; i++)
    {
      xmlNode *thesis = g_ptr_array_index (self->theses, i);

      if (!g_hash_table_contains (self->tested, thesis))
        {
          g_autofree char *quoted = ak_xml_text_ellipsize (ak_xml_get_attribute (thesis, "id"));

          report (self, thesis, NULL, AK_SEVERITY_WARNING,
                  _("No question tests the thesis “%s”"), quoted);
        }
    }
}

/**
 * ak_course_check:
 * @document: a document that follows the course schema
 * @course_dir: the absolute path of the folder holding the course file
 *
 * Runs the checks a schema cannot express: unique ids, references that
 * resolve, answerable questions whose parts can be told apart, sane
 * numbers and safe figure paths; then warns about questions that can be
 * answered by their form (see ak_quiz_quality_check()). Every problem is
 * reported, each at its element or attribute.
 *
 * Returns: %TRUE when no error (warnings aside) was found
 */
gboolean
ak_course_check (AkXmlDocument *document,
                 const char    *course_dir)
{
  xmlNode *root = ak_xml_document_get_root (document);
  Checker self = { document, ak_xml_get_attribute (root, "id"), course_dir, };
  gboolean has_content = FALSE;

  for (guint i = 0; i < N_ID_KINDS; i++)
    self.ids[i] = g_hash_table_new (g_str_hash, g_str_equal);
  self.answer_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self.feedback = g_hash_table_new (g_str_hash, g_str_equal);
  self.tested = g_hash_table_new (NULL, NULL);
  self.theses = g_ptr_array_new ();
  if (self.course_id == NULL)
    self.course_id = "";

  check_uint (&self, root, "minutes");
  check_text_elements (&self, root);
  for (xmlNode *child = ak_xml_first_element (root); child; child = ak_xml_next_element (child))
    {
      if (ak_xml_is_element (child, "source"))
        check_source (&self, child);
      else if (ak_xml_is_element (child, "lesson"))
        {
          check_lesson (&self, child);
          has_content = TRUE;
        }
      else if (ak_xml_is_element (child, "quiz"))
        {
          check_quiz (&self, child);
          has_content = TRUE;
        }
    }

  if (!has_content)
    report (&self, root, NULL, AK_SEVERITY_ERROR, "%s",
            _("The course has neither a lesson nor a quiz"));
  warn_untested_theses (&self);
  ak_quiz_quality_check (document);

  for (guint i = 0; i < N_ID_KINDS; i++)
    g_hash_table_unref (self.ids[i]);
  g_hash_table_unref (self.answer_ids);
  g_hash_table_unref (self.feedback);
  g_hash_table_unref (self.tested);
  g_ptr_array_unref (self.theses);

  return self.n_errors == 0;
}
