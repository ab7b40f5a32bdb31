/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * How long loading a course library takes, and how much memory it needs,
 * as the library grows: generated course folders of 2,500 to 20,000
 * questions (50 per file), plus single files of growing size. Each figure
 * is compared with libxml2 merely parsing the same files, measured in the
 * same run. Every measurement runs in a fresh child process, since the
 * peak memory of a process (VmHWM) only ever grows.
 */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>

#include "ak-course-library.h"
#include "ak-course-loader.h"
#include "bench-courses.h"

#define QUESTIONS_PER_FILE 50

static const guint library_sizes[] = { 2500, 5000, 10000, 20000 };
static const guint single_file_sizes[] = { 500, 1000, 2000, 4000 };


/* Measurement, in the child process */

static guint
read_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmHWM:");
  return line != NULL ? (guint)g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) : 0;
}

static int
measure_library (const char *dir)
{
  g_autoptr(AkCourseLibrary) library = ak_course_library_new ();
  g_auto(GStrv) files = NULL;
  guint n_items;
  guint n_questions = 0;
  gint64 start;
  gint64 end;

  ak_course_library_add_directory (library, dir);
  start = g_get_monotonic_time ();
  ak_course_library_reload (library);
  end = g_get_monotonic_time ();

  files = ak_course_library_list_files (library);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (library));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(AkCourse) course = g_list_model_get_item (G_LIST_MODEL (library), i);

      n_questions += ak_course_get_n_questions (course);
    }

  /* The generated courses are meant to be valid: a figure for a library
   * that rejected them would be meaningless. */
  if (ak_course_library_get_n_errors (library) > 0
      || ak_course_library_get_n_warnings (library) > 0
      || n_items != g_strv_length (files))
    {
      for (guint i = 0; files[i] != NULL; i++)
        {
          GPtrArray *diagnostics = ak_course_library_get_diagnostics (library, files[i]);

          for (guint j = 0; j < diagnostics->len && j < 5; j++)
            {
              g_autofree char *line = ak_diagnostic_to_string (g_ptr_array_index (diagnostics, j));

              g_printerr ("%s\n", line);
            }
        }
      return 1;
    }

  printf ("%u %u %" G_GINT64_FORMAT " %u\n",
           g_strv_length (files), n_questions, end - start, read_peak_rss_kib ());
  return 0;
}

static int
measure_parse (const char *dir)
{
  g_autoptr(GPtrArray) docs = g_ptr_array_new_with_free_func ((GDestroyNotify)xmlFreeDoc);
  g_autoptr(GDir) listing = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  gint64 start;
  gint64 end;

  xmlInitParser ();
  start = g_get_monotonic_time ();
  /* The same work as the library minus validation and model: list the
   * folder, read each file, parse it; the trees are kept, like a model. */
  listing = g_dir_open (dir, 0, NULL);
  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_suffix (name, ".xml"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  for (guint i = 0; i < names->len; i++)
    {
      const char *path = g_ptr_array_index (names, i);
      g_autofree char *contents = NULL;
      gsize length;
      xmlDoc *doc;

      if (!g_file_get_contents (path, &contents, &length, NULL))
        return 1;
      doc = xmlReadMemory (contents, (int)length, path, NULL, XML_PARSE_NONET);
      if (doc == NULL)
        return 1;
      g_ptr_array_add (docs, doc);
    }
  end = g_get_monotonic_time ();

  printf ("%u 0 %" G_GINT64_FORMAT " %u\n", names->len, end - start, read_peak_rss_kib ());
  return 0;
}

/* Checks one course file, as `akademie --validate` does; the number of
 * problems stands where the number of questions does for a library. */
static int
measure_file (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "kurs.xml", NULL);
  g_autoptr(GPtrArray) diagnostics = ak_diagnostic_list_new ();
  g_autoptr(AkCourse) course = NULL;
  gint64 start;
  gint64 end;

  start = g_get_monotonic_time ();
  course = ak_course_loader_load_file (path, diagnostics);
  end = g_get_monotonic_time ();

  printf ("1 %u %" G_GINT64_FORMAT " %u\n", diagnostics->len, end - start, read_peak_rss_kib ());
  return 0;
}

/* The parent: runs every measurement in a fresh process */

typedef struct
{
  guint  files;
  guint  questions;
  double ms;
  double peak_mib;
} Figures;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static Figures
run_child (const char *self,
           const char *mode,
           const char *dir,
           guint       repeat)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  Figures figures = { 0, 0, 0, 0 };

  for (guint i = 0; i < repeat; i++)
    {
      const char *argv[] = { self, "--child", mode, dir, NULL };
      g_autofree char *output = NULL;
      g_autoptr(GError) error = NULL;
      guint64 us;
      guint kib;
      double ms;
      int status;

      if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                         &output, NULL, &status, &error)
          || !g_spawn_check_wait_status (status, &error))
        g_error ("%s %s %s: %s", self, mode, dir, error->message);
      if (sscanf (output, "%u %u %" G_GUINT64_FORMAT " %u",
                  &figures.files, &figures.questions, &us, &kib) != 4)
        g_error ("Unexpected output from %s: %s", mode, output);
      ms = us / 1000.0;
      g_array_append_val (times, ms);
      figures.peak_mib = MAX (figures.peak_mib, kib / 1024.0);
    }

  g_array_sort (times, compare_doubles);
  figures.ms = g_array_index (times, double, times->len / 2);
  return figures;
}

static void
print_header (const char *title)
{
  printf ("\n%s\n\n", title);
  printf ("| questions | files | load ms | µs/question | parse ms | µs/question | load/parse "
           "| peak RSS load | peak RSS parse |\n");
  printf ("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
}

static void
print_row (const Figures *load,
           const Figures *parse)
{
  printf ("| %u | %u | %.1f | %.1f | %.1f | %.1f | %.1f× | %.1f MiB | %.1f MiB |\n",
           load->questions, load->files,
           load->ms, 1000.0 * load->ms / load->questions,
           parse->ms, 1000.0 * parse->ms / load->questions,
           load->ms / MAX (parse->ms, 0.001),
           load->peak_mib, parse->peak_mib);
}

static void
run_series (const char  *self,
            const char  *root,
            const char  *title,
            const guint *sizes,
            guint        n_sizes,
            gboolean     one_file,
            guint        repeat)
{
  print_header (title);
  for (guint i = 0; i < n_sizes; i++)
    {
      g_autofree char *dir = bench_generate_library (root, sizes[i],
                                               one_file ? sizes[i] : QUESTIONS_PER_FILE);
      Figures load = run_child (self, "library", dir, repeat);
      Figures parse = run_child (self, "parse", dir, repeat);

      if (load.questions != sizes[i] || load.files != parse.files)
        g_error ("Generated %u questions, loaded %u", sizes[i], load.questions);
      print_row (&load, &parse);
      bench_remove_tree (dir);
    }
}

/* Files built to make the check slow or big, each as large as the size
 * limit allows: @unit repeated between @before and @after in a small
 * course, or up to @max_units times. */
typedef struct
{
  const char *name;
  const char *before;
  const char *unit;
  const char *after;
  guint       max_units;
} HostileFile;

static const HostileFile hostile_files[] = {
  { "emphases in one paragraph", "      <p>", "<em>x</em> ", "</p>\n", G_MAXUINT },
  { "paragraphs of ten emphases", "",
    "      <p><em>x</em><em>x</em><em>x</em><em>x</em><em>x</em><em>x</em><em>x</em><em>x</em>"
    "<em>x</em><em>x</em></p>\n", "", G_MAXUINT },
  { "empty paragraphs on one line", "      ", "<p/>", "\n", G_MAXUINT },
  { "empty paragraphs within the limit", "      ", "<p/>", "\n", 99900 },
  { "unknown attributes on one line", "      ", "<p a=\"1\"/>", "\n", 99900 },
  { "nesting 58 deep", "      <p>",
    "<em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em>"
    "<em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em>"
    "<em><em><em><em><em><em><em><em><em><em><em><em><em><em><em><em>x"
    "</em></em></em></em></em></em></em></em></em></em></em></em></em></em></em></em>"
    "</em></em></em></em></em></em></em></em></em></em></em></em></em></em></em></em>"
    "</em></em></em></em></em></em></em></em></em></em></em></em></em></em></em></em>"
    "</em></em></em></em></em></em></em></em></em></em>", "</p>\n", G_MAXUINT },
  { "one line of paragraphs", "", "<p>Ein Absatz mit etwas Text.</p>", "", G_MAXUINT },
  { "one line of text", "      <p>", "Wort ", "</p>\n", G_MAXUINT },
  { "theses with one id, within the limit", "", "      <thesis id=\"t\">These.</thesis>\n", "", 99900 },
  { "65 attributes per element", "",
    "<p a0=\"\" a1=\"\" a2=\"\" a3=\"\" a4=\"\" a5=\"\" a6=\"\" a7=\"\" a8=\"\" a9=\"\" "
    "b0=\"\" b1=\"\" b2=\"\" b3=\"\" b4=\"\" b5=\"\" b6=\"\" b7=\"\" b8=\"\" b9=\"\" "
    "c0=\"\" c1=\"\" c2=\"\" c3=\"\" c4=\"\" c5=\"\" c6=\"\" c7=\"\" c8=\"\" c9=\"\" "
    "d0=\"\" d1=\"\" d2=\"\" d3=\"\" d4=\"\" d5=\"\" d6=\"\" d7=\"\" d8=\"\" d9=\"\" "
    "e0=\"\" e1=\"\" e2=\"\" e3=\"\" e4=\"\" e5=\"\" e6=\"\" e7=\"\" e8=\"\" e9=\"\" "
    "f0=\"\" f1=\"\" f2=\"\" f3=\"\" f4=\"\" f5=\"\" f6=\"\" f7=\"\" f8=\"\" f9=\"\" "
    "g0=\"\" g1=\"\" g2=\"\" g3=\"\" g4=\"\">x</p>\n", "", G_MAXUINT },
};

static char *
generate_hostile (const char       *root,
                  const HostileFile *file)
{
  static const char head[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<course xmlns=\"https://smakademie.github.io/akademie/course/1\"\n"
    "        id=\"test\" version=\"1\" xml:lang=\"de\" minutes=\"5\">\n"
    "  <title>Test</title><summary>Test.</summary>\n"
    "  <source id=\"quelle\"><title>Quelle</title></source>\n"
    "  <lesson id=\"lektion\"><title>Lektion</title>\n"
    "    <section id=\"abschnitt\"><title>Abschnitt</title>\n";
  static const char tail[] =
    "    </section>\n"
    "  </lesson>\n"
    "  <quiz id=\"quiz\" pass-mark=\"50\"><title>Quiz</title>\n"
    "    <true-false id=\"frage\" tests=\"t\" answer=\"true\">\n"
    "      <prompt>Stimmt das?</prompt><explanation>Ja.</explanation>\n"
    "    </true-false>\n"
    "  </quiz>\n"
    "</course>\n";
  g_autofree char *dir = g_build_filename (root, "hostile", NULL);
  g_autofree char *path = g_build_filename (dir, "kurs.xml", NULL);
  g_autoptr(GString) xml = g_string_new (head);
  g_autoptr(GError) error = NULL;
  gsize room = AK_COURSE_MAX_FILE_SIZE - strlen (tail) - strlen (file->after);

  g_assert (g_mkdir_with_parents (dir, 0700) == 0);
  g_string_append (xml, file->before);
  for (guint i = 0; i < file->max_units && xml->len + strlen (file->unit) <= room; i++)
    g_string_append (xml, file->unit);
  g_string_append (xml, file->after);
  g_string_append (xml, tail);
  if (!g_file_set_contents (path, xml->str, xml->len, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&dir);
}

/* What the limits are for: no file under the size limit takes long or
 * needs much memory to check. The baseline is libxml2 parsing the same
 * file into a tree. */
static void
run_hostile (const char *self,
             const char *root,
             guint       repeat)
{
  printf ("\nHostile files of up to %u MiB: one check (parse, limits, RELAX NG, checks) "
          "against libxml2 parsing alone\n\n", AK_COURSE_MAX_FILE_SIZE / (1024 * 1024));
  printf ("| file | problems | check ms | parse ms | peak RSS check | peak RSS parse |\n");
  printf ("|---|---:|---:|---:|---:|---:|\n");
  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *dir = generate_hostile (root, &hostile_files[i]);
      Figures check = run_child (self, "file", dir, repeat);
      Figures parse = run_child (self, "parse", dir, repeat);

      printf ("| %s | %u | %.1f | %.1f | %.1f MiB | %.1f MiB |\n", hostile_files[i].name,
              check.questions, check.ms, parse.ms, check.peak_mib, parse.peak_mib);
      fflush (stdout);
      bench_remove_tree (dir);
    }
}

static GArray *
parse_sizes (int    argc,
             char **argv)
{
  GArray *sizes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (int i = 1; i < argc; i++)
    {
      guint64 size;

      if (!g_ascii_string_to_unsigned (argv[i], 10, 1, 1000000, &size, NULL))
        {
          g_printerr ("Not a number of questions: %s\n", argv[i]);
          g_array_unref (sizes);
          return NULL;
        }
      g_array_append_vals (sizes, &(guint){ size }, 1);
    }
  return sizes;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *self = NULL;
  g_autofree char *root = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) sizes = NULL;
  int repeat = 3;
  gboolean single_file = FALSE;
  gboolean hostile = FALSE;
  const GOptionEntry entries[] = {
    { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs per figure; the median is shown", "N" },
    { "single-file", 's', 0, G_OPTION_ARG_NONE, &single_file,
      "Only the series of single files (of SIZE questions)", NULL },
    { "hostile", 'H', 0, G_OPTION_ARG_NONE, &hostile,
      "Only the series of files built to make the check slow", NULL },
    { NULL }
  };

  if (argc == 4 && g_str_equal (argv[1], "--child"))
    {
      if (g_str_equal (argv[2], "library"))
        return measure_library (argv[3]);
      if (g_str_equal (argv[2], "file"))
        return measure_file (argv[3]);
      return measure_parse (argv[3]);
    }

  context = g_option_context_new ("[SIZE…] - measure loading of course libraries of SIZE questions");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (repeat < 1)
    {
      g_printerr ("--repeat must be at least 1\n");
      return 2;
    }
  sizes = parse_sizes (argc, argv);
  if (sizes == NULL)
    return 2;

  self = g_file_read_link ("/proc/self/exe", &error);
  if (self == NULL)
    g_error ("%s", error->message);
  root = g_dir_make_tmp ("akademie-bench-load-XXXXXX", &error);
  if (root == NULL)
    g_error ("%s", error->message);

  printf ("Loading course libraries: AkCourseLibrary (parse, RELAX NG, checks, model) "
           "against libxml2 parsing alone.\nMedian of %d runs, each in a fresh process; "
           "peak RSS is VmHWM of that process.\n", repeat);
  if (hostile)
    {
      run_hostile (self, root, repeat);
      bench_remove_tree (root);
      return 0;
    }
  if (!single_file)
    run_series (self, root, "Libraries of 50 questions per file",
                sizes->len > 0 ? (guint *)sizes->data : library_sizes,
                sizes->len > 0 ? sizes->len : G_N_ELEMENTS (library_sizes), FALSE, repeat);
  if (single_file || sizes->len == 0)
    run_series (self, root, "One file of growing size",
                sizes->len > 0 ? (guint *)sizes->data : single_file_sizes,
                sizes->len > 0 ? sizes->len : G_N_ELEMENTS (single_file_sizes), TRUE, repeat);

  bench_remove_tree (root);
  return 0;
}
