/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-loader.h"

#include <glib/gi18n-lib.h>

#include "ak-course-builder.h"
#include "ak-course-checks.h"
#include "ak-course-limits.h"
#include "ak-course-schema.h"
#include "ak-xml-document.h"

#define READ_CHUNK_SIZE (64 * 1024)

static void
report_file_problem (GPtrArray  *diagnostics,
                     const char *path,
                     const char *message)
{
  ak_diagnostic_list_add (diagnostics, path, 0, 0, AK_SEVERITY_ERROR, "%s", message);
}

static void
report_too_large (GPtrArray  *diagnostics,
                  const char *path)
{
  g_autofree char *limit = g_format_size_full (AK_COURSE_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);
  /* Translators: %s is a size such as "8.0 MiB" */
  g_autofree char *message = g_strdup_printf (_("The file is larger than %s, the limit for "
                                                "course files"),
                                              limit);

  report_file_problem (diagnostics, path, message);
}

/* Said last, so that a cut list is not taken for all. A warning, so that
 * the count of errors is that of the list. */
static void
report_dropped (GPtrArray  *diagnostics,
                const char *path,
                guint       n_dropped)
{
  ak_diagnostic_list_add (diagnostics, path, 0, 0, AK_SEVERITY_WARNING,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "… %u more problem is not shown; correct the ones "
                                       "above and check the file again",
                                       "… %u more problems are not shown; correct the ones "
                                       "above and check the file again",
                                       n_dropped),
                          n_dropped);
}

static int
compare_position (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const AkDiagnostic *first = *(AkDiagnostic *const *)a;
  const AkDiagnostic *second = *(AkDiagnostic *const *)b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  if (first->column != second->column)
    return first->column < second->column ? -1 : 1;
  return 0;
}

static gboolean
has_errors_from (GPtrArray *diagnostics,
                 guint      first)
{
  for (guint i = first; i < diagnostics->len; i++)
    if (((AkDiagnostic *)g_ptr_array_index (diagnostics, i))->severity == AK_SEVERITY_ERROR)
      return TRUE;
  return FALSE;
}

static AkCourse *
load (const char *data,
      gsize       length,
      const char *path,
      const char *course_path,
      const char *course_dir,
      GPtrArray  *diagnostics)
{
  g_autoptr(AkXmlDocument) document = NULL;
  AkCourse *course = NULL;
  guint first = diagnostics->len;
  AkXmlQuiet quiet;

  if (length > AK_COURSE_MAX_FILE_SIZE)
    {
      report_too_large (diagnostics, path);
      return NULL;
    }

  ak_course_schema_init ();
  ak_xml_quiet_begin (&quiet);
  document = ak_xml_document_parse (data, length, path, diagnostics);
  if (document != NULL && ak_course_check_limits (document) &&
      ak_course_schema_validate (document))
    {
      ak_xml_document_collapse_space (document);
      if (ak_course_check (document, course_dir))
        course = ak_course_build (document, course_path, course_dir);
    }
  ak_xml_quiet_end (&quiet);

  /* In file order, as an editor or a compiler would list them; the sort
   * is stable. */
  if (diagnostics->len > first)
    g_qsort_with_data (diagnostics->pdata + first, diagnostics->len - first, sizeof (gpointer),
                       compare_position, NULL);
  if (document != NULL && document->text.n_dropped > 0)
    report_dropped (diagnostics, path, document->text.n_dropped);

  if (course != NULL && has_errors_from (diagnostics, first))
    g_clear_object (&course);
  return course;
}

/* Reads at most one byte more than a course may have, so that a file that
 * grew after it was measured is still refused without reading it all. */
static GBytes *
read_file (GFile   *file,
           goffset  expected_size,
           GError **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  g_autoptr(GByteArray) buffer = NULL;
  gsize limit = AK_COURSE_MAX_FILE_SIZE + 1;

  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_sized_new (MIN ((gsize)expected_size + 1, limit));
  while (buffer->len < limit)
    {
      gsize before = buffer->len;
      gsize chunk = MIN (READ_CHUNK_SIZE, limit - before);
      gsize n_read = 0;

      g_byte_array_set_size (buffer, before + chunk);
      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer->data + before, chunk,
                                    &n_read, NULL, error))
        return NULL;
      g_byte_array_set_size (buffer, before + n_read);
      if (n_read < chunk)
        break;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * ak_course_loader_load_file:
 * @path: the course file
 * @diagnostics: (element-type AkDiagnostic): where problems are added
 *
 * Loads and validates a course file. Every problem found is added to
 * @diagnostics with @path as its file name: all schema problems, or, when
 * the file follows the schema, all semantic problems. Warnings alone do
 * not keep a course from loading.
 *
 * Returns: (transfer full) (nullable): the course, or %NULL when an error
 *   was added
 */
AkCourse *
ak_course_loader_load_file (const char *path,
                            GPtrArray  *diagnostics)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  file = g_file_new_for_path (path);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL)
    {
      report_file_problem (diagnostics, path, error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      report_file_problem (diagnostics, path, _("This is not a regular file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > AK_COURSE_MAX_FILE_SIZE)
    {
      report_too_large (diagnostics, path);
      return NULL;
    }

  bytes = read_file (file, g_file_info_get_size (info), &error);
  if (bytes == NULL)
    {
      report_file_problem (diagnostics, path, error->message);
      return NULL;
    }

  absolute = g_file_get_path (file);
  folder = g_path_get_dirname (absolute);
  data = g_bytes_get_data (bytes, &length);
  return load (data != NULL ? data : "", length, path, absolute, folder, diagnostics);
}

/**
 * ak_course_loader_load_data:
 * @data: (array length=length): the contents of a course file
 * @path: the file name for diagnostics and the course; figures are looked
 *   for next to it
 * @diagnostics: (element-type AkDiagnostic): where problems are added
 *
 * Like ak_course_loader_load_file(), for a file already in memory.
 *
 * Returns: (transfer full) (nullable): the course, or %NULL when an error
 *   was added
 */
AkCourse *
ak_course_loader_load_data (const char *data,
                            gsize       length,
                            const char *path,
                            GPtrArray  *diagnostics)
{
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  folder = g_path_get_dirname (absolute);
  return load (data != NULL ? data : "", length, path, path, folder, diagnostics);
}
