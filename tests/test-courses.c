/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ak-course-library.h"

/*
 * The bundled courses as the app sees them: every course file in the
 * source tree's course folder, loaded through the course library. The
 * checks are the academy's quality rules for its own courses.
 */

/* The courses written from the academy's source texts. */
static const char *const source_courses[] = {
  "medienvielfalt",
  "mensch-und-wirtschaft",
  "web20-party",
  "aufbruch-smm",
  "konzept-konservativ",
};

/* The final exam, which draws on every source course. */
#define EXAM_COURSE "abschlusstest"

typedef struct
{
  guint n_questions;
  guint types;        /* bit per AkQuestionType */
} Coverage;

static AkCourseLibrary *library;
static GPtrArray *course_files;   /* char *: every course file in the folder */

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

static void
load_courses (void)
{
  const char *source_root = g_getenv ("AK_SOURCE_ROOT");
  g_autofree char *folder = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;

  g_assert_nonnull (source_root);
  folder = g_build_filename (source_root, "courses", NULL);
  dir = g_dir_open (folder, 0, &error);
  g_assert_no_error (error);

  course_files = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    if (name[0] != '.' && g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (course_files, g_build_filename (folder, name, NULL));
  g_ptr_array_sort (course_files, compare_paths);

  library = ak_course_library_new ();
  ak_course_library_add_directory (library, folder);
  ak_course_library_reload (library);
}

static AkCourse *
course_at (guint i)
{
  return ak_course_library_lookup_file (library, g_ptr_array_index (course_files, i));
}

static AkCourse *
lookup_course (const char *course_id)
{
  AkCourse *course = ak_course_library_lookup (library, course_id);

  if (course == NULL)
    g_test_message ("course “%s” is not bundled", course_id);
  g_assert_nonnull (course);
  return course;
}

/* Resolves a thesis reference made in @course; @key receives the
 * reference in its full form "course:thesis". */
static const AkBlock *
resolve_reference (AkCourse    *course,
                   const char  *reference,
                   char       **key)
{
  const char *colon = strchr (reference, ':');
  g_autofree char *course_id = NULL;
  const char *thesis_id;
  AkCourse *target;

  if (colon != NULL)
    {
      course_id = g_strndup (reference, colon - reference);
      thesis_id = colon + 1;
    }
  else
    {
      course_id = g_strdup (ak_course_get_id (course));
      thesis_id = reference;
    }

  *key = g_strdup_printf ("%s:%s", course_id, thesis_id);
  target = ak_course_library_lookup (library, course_id);
  return target != NULL ? ak_course_find_thesis (target, thesis_id, NULL, NULL) : NULL;
}

/* The questions of all quizzes of @course, in file order. */
static GPtrArray *
list_questions (AkCourse *course)
{
  GPtrArray *questions = g_ptr_array_new ();
  GPtrArray *quizzes = ak_course_get_quizzes (course);

  for (guint i = 0; i < quizzes->len; i++)
    {
      AkQuiz *quiz = g_ptr_array_index (quizzes, i);

      g_ptr_array_extend (questions, quiz->questions, NULL, NULL);
    }
  return questions;
}

/* The text a learner reads in the lessons, with every kind of space
 * folded into a plain one so that "74 %" matches however it is typed. */
static char *
lesson_text (AkCourse *course)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GPtrArray *lessons = ak_course_get_lessons (course);

  for (guint i = 0; i < lessons->len; i++)
    {
      AkLesson *lesson = g_ptr_array_index (lessons, i);

      for (guint j = 0; j < lesson->sections->len; j++)
        {
          AkSection *section = g_ptr_array_index (lesson->sections, j);

          for (guint k = 0; k < section->blocks->len; k++)
            {
              AkBlock *block = g_ptr_array_index (section->blocks, k);

              if (block->text != NULL)
                g_string_append_printf (text, "%s\n", block->text);
              for (guint n = 0; block->items != NULL && block->items[n] != NULL; n++)
                g_string_append_printf (text, "%s\n", block->items[n]);
            }
        }
    }
  return g_utf8_normalize (text->str, -1, G_NORMALIZE_NFKC);
}

/* The text of @markup as a learner reads it, reduced for comparison:
 * tags dropped, the five XML entities resolved, every kind of quotation
 * mark removed (a title „A ‚B‘“ is cited as „A ‚B‘“ or „A „B““) and every
 * run of white space folded into one plain space. */
static char *
comparable_text (const char *markup)
{
  static const char *const entities[][2] = {
    { "&amp;", "&" }, { "&lt;", "<" }, { "&gt;", ">" }, { "&quot;", "\"" }, { "&apos;", "'" },
  };
  g_autofree char *normalized = g_utf8_normalize (markup, -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean in_tag = FALSE;
  gboolean space = FALSE;

  for (const char *p = normalized; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean replaced = FALSE;

      if (in_tag)
        {
          in_tag = c != '>';
          continue;
        }
      if (c == '<')
        {
          in_tag = TRUE;
          continue;
        }
      if (c == '&')
        for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
          if (g_str_has_prefix (p, entities[i][0]))
            {
              c = g_utf8_get_char (entities[i][1]);
              p += strlen (entities[i][0]) - 1;
              replaced = TRUE;
              break;
            }
      if (!replaced && (c == 0x201E || c == 0x201C || c == 0x201D || c == 0x201A ||
                        c == 0x2018 || c == 0x2019 || c == 0x00AB || c == 0x00BB ||
                        c == 0x2039 || c == 0x203A))
        continue;
      if (c == '"' || c == '\'')
        continue;
      if (g_unichar_isspace (c))
        {
          space = text->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (text, ' ');
      space = FALSE;
      g_string_append_unichar (text, c);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Maps "course:thesis" to the questions of all courses that test it. */
static GHashTable *
collect_coverage (void)
{
  GHashTable *coverage = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < course_files->len; i++)
    {
      AkCourse *course = course_at (i);
      g_autoptr(GPtrArray) questions = NULL;

      if (course == NULL)
        continue;
      questions = list_questions (course);
      for (guint j = 0; j < questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (questions, j);

          for (guint k = 0; question->tests[k] != NULL; k++)
            {
              g_autofree char *key = NULL;
              Coverage *entry;

              resolve_reference (course, question->tests[k], &key);
              entry = g_hash_table_lookup (coverage, key);
              if (entry == NULL)
                {
                  entry = g_new0 (Coverage, 1);
                  g_hash_table_insert (coverage, g_steal_pointer (&key), entry);
                }
              entry->n_questions++;
              entry->types |= 1u << question->type;
            }
        }
    }
  return coverage;
}

static void
test_diagnostics (void)
{
  guint n_problems = 0;

  g_assert_cmpuint (course_files->len, >, 0);
  for (guint i = 0; i < course_files->len; i++)
    {
      const char *path = g_ptr_array_index (course_files, i);
      GPtrArray *diagnostics = ak_course_library_get_diagnostics (library, path);

      if (diagnostics == NULL || course_at (i) == NULL)
        {
          g_test_message ("%s: not loaded", path);
          n_problems++;
        }
      for (guint j = 0; diagnostics != NULL && j < diagnostics->len; j++)
        {
          g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, j));

          g_test_message ("%s", line);
          n_problems++;
        }
    }
  g_assert_cmpuint (n_problems, ==, 0);
  g_assert_cmpuint (ak_course_library_get_n_errors (library), ==, 0);
  g_assert_cmpuint (ak_course_library_get_n_warnings (library), ==, 0);
}

static void
test_references (void)
{
  guint n_references = 0;
  guint n_unresolved = 0;

  for (guint i = 0; i < course_files->len; i++)
    {
      AkCourse *course = course_at (i);
      g_autoptr(GPtrArray) questions = NULL;

      g_assert_nonnull (course);
      questions = list_questions (course);
      for (guint j = 0; j < questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (questions, j);

          for (guint k = 0; question->tests[k] != NULL; k++)
            {
              g_autofree char *key = NULL;

              n_references++;
              if (resolve_reference (course, question->tests[k], &key) == NULL)
                {
                  g_test_message ("%s: question “%s” tests “%s”, which does not exist",
                                  ak_course_get_id (course), question->id, key);
                  n_unresolved++;
                }
            }
        }
    }
  g_assert_cmpuint (n_references, >, 0);
  g_assert_cmpuint (n_unresolved, ==, 0);
}

static void
test_thesis_coverage (void)
{
  g_autoptr(GHashTable) coverage = collect_coverage ();
  guint n_weak = 0;

  for (guint i = 0; i < G_N_ELEMENTS (source_courses); i++)
    {
      AkCourse *course = lookup_course (source_courses[i]);
      g_autoptr(GPtrArray) theses = ak_course_list_theses (course);

      g_assert_cmpuint (theses->len, >, 0);
      for (guint j = 0; j < theses->len; j++)
        {
          AkBlock *thesis = g_ptr_array_index (theses, j);
          g_autofree char *key = g_strdup_printf ("%s:%s", source_courses[i], thesis->id);
          Coverage *entry = g_hash_table_lookup (coverage, key);
          guint n_questions = entry != NULL ? entry->n_questions : 0;
          guint n_types = 0;

          for (guint type = 0; entry != NULL && type < AK_N_QUESTION_TYPES; type++)
            n_types += (entry->types >> type) & 1;

          if (n_questions < 2 || n_types < 2)
            {
              g_test_message ("thesis “%s” is tested by %u questions of %u types",
                              key, n_questions, n_types);
              n_weak++;
            }
        }
    }
  g_assert_cmpuint (n_weak, ==, 0);
}

/* After answering, the learner reads the explanation; it must point to
 * where each thesis the question tests is taught, by the title of that
 * section, as the authoring guide asks. */
static void
test_explanations_name_sections (void)
{
  guint n_checked = 0;
  guint n_missing = 0;

  for (guint i = 0; i < course_files->len; i++)
    {
      AkCourse *course = course_at (i);
      g_autoptr(GPtrArray) questions = NULL;

      g_assert_nonnull (course);
      questions = list_questions (course);
      for (guint j = 0; j < questions->len; j++)
        {
          AkQuestion *question = g_ptr_array_index (questions, j);
          g_autofree char *explanation = comparable_text (question->explanation);

          for (guint k = 0; question->tests[k] != NULL; k++)
            {
              g_autofree char *key = NULL;
              g_autofree char *course_id = NULL;
              g_autofree char *title = NULL;
              const char *colon = strchr (question->tests[k], ':');
              AkCourse *target = course;
              const AkSection *section = NULL;

              if (resolve_reference (course, question->tests[k], &key) == NULL)
                continue;  /* reported by /courses/references */
              if (colon != NULL)
                {
                  course_id = g_strndup (question->tests[k], colon - question->tests[k]);
                  target = ak_course_library_lookup (library, course_id);
                }
              ak_course_find_thesis (target, colon != NULL ? colon + 1 : question->tests[k],
                                     NULL, &section);
              g_assert_nonnull (section);
              title = comparable_text (section->title);
              n_checked++;
              if (strstr (explanation, title) == NULL)
                {
                  g_test_message ("%s: the explanation of “%s” does not name the section “%s” of “%s”",
                                  ak_course_get_id (course), question->id, section->title, key);
                  n_missing++;
                }
            }
        }
    }
  g_assert_cmpuint (n_checked, >, 0);
  g_assert_cmpuint (n_missing, ==, 0);
}

static void
print_course_summary (AkCourse *course)
{
  GPtrArray *lessons = ak_course_get_lessons (course);
  g_autoptr(GPtrArray) questions = list_questions (course);
  g_autoptr(GPtrArray) theses = ak_course_list_theses (course);
  g_autoptr(GString) per_type = g_string_new (NULL);
  guint counts[AK_N_QUESTION_TYPES] = { 0 };
  guint n_sections = 0;

  for (guint i = 0; i < lessons->len; i++)
    n_sections += ((AkLesson *)g_ptr_array_index (lessons, i))->sections->len;
  for (guint i = 0; i < questions->len; i++)
    counts[((AkQuestion *)g_ptr_array_index (questions, i))->type]++;
  for (guint type = 0; type < AK_N_QUESTION_TYPES; type++)
    g_string_append_printf (per_type, "%s%s %u", type > 0 ? ", " : "",
                            ak_question_type_to_string (type), counts[type]);

  g_test_message ("%s: %u lessons, %u sections, %u theses, %u quizzes, %u questions (%s)",
                  ak_course_get_id (course), lessons->len, n_sections,
                  theses->len, ak_course_get_quizzes (course)->len,
                  questions->len, per_type->str);
}

static void
test_structure (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (source_courses); i++)
    lookup_course (source_courses[i]);
  lookup_course (EXAM_COURSE);

  for (guint i = 0; i < course_files->len; i++)
    {
      AkCourse *course = course_at (i);

      g_assert_nonnull (course);
      print_course_summary (course);
      g_assert_cmpuint (ak_course_get_lessons (course)->len, >=, 2);
      g_assert_cmpuint (ak_course_get_lessons (course)->len, <=, 4);
      g_assert_cmpuint (ak_course_get_quizzes (course)->len, >=, 1);
    }
}

static void
test_question_types (void)
{
  guint counts[AK_N_QUESTION_TYPES] = { 0 };

  for (guint i = 0; i < course_files->len; i++)
    {
      AkCourse *course = course_at (i);
      g_autoptr(GPtrArray) questions = NULL;

      g_assert_nonnull (course);
      questions = list_questions (course);
      for (guint j = 0; j < questions->len; j++)
        counts[((AkQuestion *)g_ptr_array_index (questions, j))->type]++;
    }

  for (guint type = 0; type < AK_N_QUESTION_TYPES; type++)
    {
      g_test_message ("%s: %u questions", ak_question_type_to_string (type), counts[type]);
      g_assert_cmpuint (counts[type], >=, 3);
    }
}

static void
test_exam_spans_courses (void)
{
  AkCourse *exam = lookup_course (EXAM_COURSE);
  g_autoptr(GPtrArray) questions = list_questions (exam);
  g_autoptr(GHashTable) tested = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < questions->len; i++)
    {
      AkQuestion *question = g_ptr_array_index (questions, i);

      for (guint j = 0; question->tests[j] != NULL; j++)
        {
          const char *colon = strchr (question->tests[j], ':');

          if (colon != NULL)
            g_hash_table_add (tested, g_strndup (question->tests[j], colon - question->tests[j]));
        }
    }

  for (guint i = 0; i < G_N_ELEMENTS (source_courses); i++)
    {
      g_test_message ("the exam tests theses of “%s”", source_courses[i]);
      g_assert_true (g_hash_table_contains (tested, source_courses[i]));
    }
}

static void
test_figures (void)
{
  /* The figures the source texts give, as the lessons must state them. */
  static const struct
  {
    const char *course_id;
    const char *figure;
  } figures[] = {
    { "web20-party", "74 %" },
    { "aufbruch-smm", "76 %" },
    { "aufbruch-smm", "15 %" },
    { "medienvielfalt", "2011" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    {
      g_autofree char *text = lesson_text (lookup_course (figures[i].course_id));

      g_test_message ("“%s” in the lessons of “%s”", figures[i].figure, figures[i].course_id);
      g_assert_nonnull (strstr (text, figures[i].figure));
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Diagnostics and course titles are UTF-8; print them as such. */
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  load_courses ();

  g_test_add_func ("/courses/diagnostics", test_diagnostics);
  g_test_add_func ("/courses/references", test_references);
  g_test_add_func ("/courses/thesis-coverage", test_thesis_coverage);
  g_test_add_func ("/courses/explanations", test_explanations_name_sections);
  g_test_add_func ("/courses/structure", test_structure);
  g_test_add_func ("/courses/question-types", test_question_types);
  g_test_add_func ("/courses/exam", test_exam_spans_courses);
  g_test_add_func ("/courses/figures", test_figures);

  status = g_test_run ();

  g_clear_object (&library);
  g_clear_pointer (&course_files, g_ptr_array_unref);
  return status;
}
