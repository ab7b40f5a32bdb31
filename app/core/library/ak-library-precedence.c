/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-precedence.h"

#include <glib/gi18n-lib.h>

#include "ak-course-private.h"

/**
 * ak_library_report:
 * @found: file → GPtrArray of the AkDiagnostic the library found in it
 * @part: the course (its id attribute) or a question (its "tests"
 *   attribute) the problem is about
 *
 * Adds a problem at the place the loader noted for @part, or for the
 * file as a whole when it noted none.
 */
void
ak_library_report (GHashTable    *found,
                   AkLibraryFile *file,
                   gconstpointer  part,
                   AkSeverity     severity,
                   const char    *format,
                   ...)
{
  GPtrArray *diagnostics = g_hash_table_lookup (found, file);
  g_autofree char *message = NULL;
  guint line = 0;
  guint column = 0;
  va_list args;

  if (diagnostics == NULL)
    {
      diagnostics = ak_diagnostic_list_new ();
      g_hash_table_insert (found, file, diagnostics);
    }
  if (file->course == NULL || !ak_course_get_position (file->course, part, &line, &column))
    line = column = 0;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (diagnostics, ak_diagnostic_new (file->path, line, column, severity, message));
}

/* Two files with one course id are a mistake when they come from the same
 * place: both opened, or both in one folder. From different places, the
 * earlier one overrides the later by design. */
static gboolean
is_same_source (AkLibraryFile *file,
                AkLibraryFile *owner)
{
  g_autofree char *dir = NULL;
  g_autofree char *owner_dir = NULL;

  if (file->opened || owner->opened)
    return file->opened && owner->opened;

  dir = g_path_get_dirname (file->path);
  owner_dir = g_path_get_dirname (owner->path);
  return g_str_equal (dir, owner_dir);
}

/**
 * ak_library_precedence_resolve:
 * @files: (element-type AkLibraryFile): in order of precedence
 * @found: where the problems of files that lose are added, see
 *   ak_library_report()
 *
 * Returns: (transfer full): course id → the AkLibraryFile that provides it
 */
GHashTable *
ak_library_precedence_resolve (GPtrArray  *files,
                               GHashTable *found)
{
  GHashTable *winners = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < files->len; i++)
    {
      AkLibraryFile *file = g_ptr_array_index (files, i);
      const char *id;
      AkLibraryFile *owner;

      if (file->course == NULL)
        continue;
      id = ak_course_get_id (file->course);
      owner = g_hash_table_lookup (winners, id);
      if (owner == NULL)
        g_hash_table_insert (winners, (char *)id, file);
      else if (is_same_source (file, owner))
        ak_library_report (found, file, file->course, AK_SEVERITY_ERROR,
                           /* Translators: the second placeholder is a file name */
                           _("The course id “%s” is already used by “%s”; this file is not loaded"),
                           id, owner->path);
      else if (owner->opened)
        /* The learner opened a course on purpose: it goes before the installed one. */
        ak_library_report (found, file, file->course, AK_SEVERITY_WARNING,
                           /* Translators: the second placeholder is a file name */
                           _("The course “%s” is replaced by the opened file “%s”; "
                             "this file is not loaded"),
                           id, owner->path);
      else
        /* A user's copy of a bundled course is normal: nothing to fix. */
        ak_library_report (found, file, file->course, AK_SEVERITY_WARNING,
                           /* Translators: the second placeholder is a file name */
                           _("The course “%s” is replaced by the copy in “%s”; "
                             "this file is not loaded"),
                           id, owner->path);
    }
  return winners;
}
