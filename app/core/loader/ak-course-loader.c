/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-course-loader.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

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

static char *
describe_too_large (void)
{
  g_autofree char *limit = g_format_size_full (AK_COURSE_MAX_FILE_SIZE, G_FORMAT_SIZE_IEC_UNITS);

  /* Translators: %s is a size such as "8.0 MiB" */
  return g_strdup_printf (_("The file is larger than %s, the limit for course files"), limit);
}

static void
report_too_large (GPtrArray  *diagnostics,
                  const char *path)
{
  g_autofree char *message = describe_too_large ();

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

/* What a trainer can do something about, rather than the C library's
 * words; %NULL for the rarer errors. */
static const char *
describe_errno (int saved_errno)
{
  switch (saved_errno)
    {
    case ENOENT:
      return _("The file does not exist");
    case EACCES:
    case EPERM:
      return _("You are not allowed to read the file, or to open a folder on its path");
    case ELOOP:
      return _("The path leads through a loop of symbolic links");
    case ENOTDIR:
      return _("A part of the path is a file, not a folder");
    case ENAMETOOLONG:
      return _("The path is too long");
    default:
      return NULL;
    }
}

static void
set_too_large_error (GError **error)
{
  g_autofree char *message = describe_too_large ();

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE, message);
}

static void
set_errno_error (GError **error,
                 int      saved_errno)
{
  const char *message = describe_errno (saved_errno);

  if (message != NULL)
    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), message);
  else
    /* Translators: %s is the system's description of an error */
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 _("The file could not be read: %s"), g_strerror (saved_errno));
}

/* Only a regular file of at most the size limit is read. */
static gboolean
check_file_type (const struct stat  *info,
                 GError            **error)
{
  if (S_ISDIR (info->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                           _("This is a folder, not a course file"));
      return FALSE;
    }
  if (!S_ISREG (info->st_mode))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                           _("This is not a regular file but a pipe, socket or device"));
      return FALSE;
    }
  if (info->st_size > AK_COURSE_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return FALSE;
    }
  return TRUE;
}

/* Reads at most one byte more than a course may have, so that a file that
 * grew after it was measured is still refused without reading it all. */
static GBytes *
read_descriptor (int      fd,
                 gsize    expected_size,
                 GError **error)
{
  gsize limit = AK_COURSE_MAX_FILE_SIZE + 1;
  g_autoptr(GByteArray) buffer = g_byte_array_sized_new (MIN (expected_size + 1, limit));

  while (buffer->len < limit)
    {
      gsize before = buffer->len;
      gsize chunk = MIN (READ_CHUNK_SIZE, limit - before);
      gssize n_read;

      g_byte_array_set_size (buffer, before + chunk);
      n_read = read (fd, buffer->data + before, chunk);
      if (n_read < 0 && errno == EINTR)
        {
          g_byte_array_set_size (buffer, before);
          continue;
        }
      if (n_read < 0)
        {
          set_errno_error (error, errno);
          return NULL;
        }
      g_byte_array_set_size (buffer, before + n_read);
      if (n_read == 0)
        break;
    }
  if (buffer->len > AK_COURSE_MAX_FILE_SIZE)
    {
      set_too_large_error (error);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
}

/**
 * ak_course_loader_read_file:
 * @path: a course file
 * @error: where a problem is reported, with a message for the trainer
 *
 * Reads a course file the one safe way: a symbolic link named by @path is
 * followed (a trainer may link a course into place), but only to a
 * regular file of at most %AK_COURSE_MAX_FILE_SIZE bytes. What is
 * checked is the opened file itself, so that a pipe or device swapped in
 * after a first look is neither waited for nor read; the look before
 * opening only spares a device being opened.
 *
 * Returns: (transfer full) (nullable): the contents, or %NULL with @error
 *   set
 */
GBytes *
ak_course_loader_read_file (const char  *path,
                            GError     **error)
{
  struct stat info;
  GBytes *bytes;
  int flags;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_stat (path, &info) != 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (!check_file_type (&info, error))
    return NULL;

  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      return NULL;
    }
  if (fstat (fd, &info) != 0)
    {
      set_errno_error (error, errno);
      close (fd);
      return NULL;
    }
  if (!check_file_type (&info, error))
    {
      close (fd);
      return NULL;
    }
  /* A regular file: reading it blocks for the disk only. */
  flags = fcntl (fd, F_GETFL);
  if (flags != -1)
    fcntl (fd, F_SETFL, flags & ~O_NONBLOCK);

  bytes = read_descriptor (fd, (gsize)info.st_size, error);
  close (fd);
  return bytes;
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
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *folder = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);

  bytes = ak_course_loader_read_file (path, &error);
  if (bytes == NULL)
    {
      report_file_problem (diagnostics, path, error->message);
      return NULL;
    }

  absolute = g_canonicalize_filename (path, NULL);
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
