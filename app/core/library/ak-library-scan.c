/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "Akademie"

#include "config.h"

#include "ak-library-scan.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ak-course-loader.h"

typedef enum
{
  SOURCE_DIRECTORY,
  SOURCE_FILE,
  SOURCE_FORGOTTEN,    /* an opened file that no longer exists */
} SourceKind;

typedef struct
{
  char       *path;
  SourceKind  kind;
} Source;

struct _AkLibraryScan
{
  GArray     *sources;  /* Source, in order of precedence */
  GHashTable *known;    /* path → AkLibraryFile, as read before */
  GHashTable *changed;  /* canonical paths to read even when they look the same */
};

/* The files of one scan that must be read, shared by two workers. */
typedef struct
{
  GPtrArray    *files;        /* AkLibraryFile to fill in */
  gint          next;
  GCancellable *cancellable;
} Reading;

static void
source_clear (Source *source)
{
  g_free (source->path);
}

AkLibraryScan *
ak_library_scan_new (void)
{
  AkLibraryScan *self = g_new0 (AkLibraryScan, 1);

  self->sources = g_array_new (FALSE, FALSE, sizeof (Source));
  g_array_set_clear_func (self->sources, (GDestroyNotify)source_clear);
  self->known = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify)ak_library_file_unref);
  self->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

void
ak_library_scan_free (AkLibraryScan *self)
{
  g_array_unref (self->sources);
  g_hash_table_unref (self->known);
  g_hash_table_unref (self->changed);
  g_free (self);
}

static void
add_source (AkLibraryScan *self,
            const char    *path,
            SourceKind     kind)
{
  Source source = { g_strdup (path), kind };

  g_array_append_val (self->sources, source);
}

void
ak_library_scan_add_directory (AkLibraryScan *self,
                               const char    *path)
{
  add_source (self, path, SOURCE_DIRECTORY);
}

void
ak_library_scan_add_file (AkLibraryScan *self,
                          const char    *path)
{
  add_source (self, path, SOURCE_FILE);
}

void
ak_library_scan_add_forgotten (AkLibraryScan *self,
                               const char    *path)
{
  add_source (self, path, SOURCE_FORGOTTEN);
}

void
ak_library_scan_add_known (AkLibraryScan *self,
                           AkLibraryFile *file)
{
  g_hash_table_replace (self->known, file->path, ak_library_file_ref (file));
}

void
ak_library_scan_add_changed (AkLibraryScan *self,
                             const char    *path)
{
  g_hash_table_add (self->changed, g_canonicalize_filename (path, NULL));
}

gboolean
ak_library_is_course_file_name (const char *name)
{
  gsize length = strlen (name);

  /* Hidden files include editors' lock and backup files (".#kurs.xml");
   * "KURS.XML" from another system is a course file all the same. */
  return name[0] != '.' && length > 4 && g_ascii_strcasecmp (name + length - 4, ".xml") == 0;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char *const *)a, *(const char *const *)b);
}

/* A file to look at: carried over when it looks as when it was read,
 * otherwise queued in @reading. The same file may be on the search path
 * twice, e.g. opened and also found in the course folder: it counts once,
 * where it comes first. */
static void
add_candidate (AkLibraryScan *self,
               GPtrArray     *files,
               GHashTable    *seen,
               GPtrArray     *reading,
               const char    *path,
               gboolean       opened,
               const AkLibraryStamp *stamp)
{
  char *canonical = g_canonicalize_filename (path, NULL);
  AkLibraryFile *known;
  AkLibraryFile *file;

  if (!g_hash_table_add (seen, canonical))
    return;

  known = g_hash_table_lookup (self->known, path);
  if (known != NULL && ak_library_stamp_equal (&known->stamp, stamp) &&
      !g_hash_table_contains (self->changed, canonical))
    {
      file = known->opened == opened ? ak_library_file_ref (known)
                                     : ak_library_file_copy_as (known, opened);
      g_ptr_array_add (files, file);
      return;
    }

  file = ak_library_file_new (path, opened);
  file->stamp = *stamp;
  g_ptr_array_add (files, file);
  g_ptr_array_add (reading, file);
}

static void
add_directory (AkLibraryScan *self,
               GPtrArray     *files,
               GHashTable    *seen,
               GPtrArray     *reading,
               const char    *directory)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (directory, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      AkLibraryFile *file;

      /* The user's course folder does not exist until a course is imported. */
      if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return;
      file = ak_library_file_new (directory, TRUE);
      ak_diagnostic_list_add (file->load_diagnostics, directory, 0, 0, AK_SEVERITY_ERROR,
                              _("Could not read the course folder: %s"), error->message);
      g_ptr_array_add (files, file);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    if (ak_library_is_course_file_name (name))
      g_ptr_array_add (names, g_strdup (name));

  /* Sorted, so that precedence between two files of one folder is stable. */
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (directory, g_ptr_array_index (names, i), NULL);
      AkLibraryStamp stamp;

      ak_library_stamp_read (&stamp, path);
      if (stamp.exists && !stamp.directory)
        add_candidate (self, files, seen, reading, path, FALSE, &stamp);
    }
}

static void
read_file (AkLibraryFile *file)
{
  /* The loader says what is wrong with a path that is no course file. */
  ak_library_file_set_course (file, ak_course_loader_load_file (file->path,
                                                                file->load_diagnostics));
}

static gpointer
read_files_thread (gpointer data)
{
  Reading *reading = data;

  for (;;)
    {
      guint i = (guint)g_atomic_int_add (&reading->next, 1);

      if (i >= reading->files->len || g_cancellable_is_cancelled (reading->cancellable))
        break;
      read_file (g_ptr_array_index (reading->files, i));
    }
  return NULL;
}

/**
 * ak_library_scan_run:
 *
 * Lists the files of the search path, in order of precedence, and reads
 * those that are new or changed. Safe to call in any thread.
 *
 * Returns: (transfer full) (nullable) (element-type AkLibraryFile): the
 *   files, or %NULL when @cancellable was cancelled
 */
GPtrArray *
ak_library_scan_run (AkLibraryScan *self,
                     GCancellable  *cancellable)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (
                                 (GDestroyNotify)ak_library_file_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) to_read = g_ptr_array_new ();
  Reading reading = { to_read, 0, cancellable };
  GThread *helper = NULL;

  for (guint i = 0; i < self->sources->len; i++)
    {
      Source *source = &g_array_index (self->sources, Source, i);
      AkLibraryStamp stamp;

      if (g_cancellable_is_cancelled (cancellable))
        return NULL;

      if (source->kind == SOURCE_DIRECTORY)
        {
          add_directory (self, files, seen, to_read, source->path);
        }
      else if (source->kind == SOURCE_FORGOTTEN)
        {
          AkLibraryFile *file = ak_library_file_new (source->path, TRUE);

          ak_diagnostic_list_add (file->load_diagnostics, source->path, 0, 0,
                                  AK_SEVERITY_WARNING, "%s",
                                  _("This course file was opened before but no longer exists; "
                                    "it is no longer opened"));
          g_ptr_array_add (files, file);
        }
      else
        {
          ak_library_stamp_read (&stamp, source->path);
          add_candidate (self, files, seen, to_read, source->path, TRUE, &stamp);
        }
    }

  /* Two at a time: a second core halves the wait, more rarely help with
   * files this small. Each file is read into its own place, so the order
   * stays that of the search path. */
  if (to_read->len > 1)
    helper = g_thread_new ("akademie-read", read_files_thread, &reading);
  read_files_thread (&reading);
  if (helper != NULL)
    g_thread_join (helper);

  if (g_cancellable_is_cancelled (cancellable))
    return NULL;
  return g_steal_pointer (&files);
}
